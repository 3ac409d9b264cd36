using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using SmbAgent.KnowledgeBase;
using SmbAgent.KnowledgeBase.Extraction;
using SmbAgent.Permissions;

namespace SmbAgent.Web.Pages.Workspace.Knowledge;

/// <summary>
/// Adds a web page, fetched and indexed in the background. The address is checked here with the fetcher's own
/// policy so a private or unknown host is refused on the form instead of as a failed source later; the job
/// checks every hop again when it fetches.
/// </summary>
[Authorize(Policy = SmbPermissions.Knowledge.Manage)]
public sealed class AddUrlModel(KnowledgeSourceAppService sources, IOptions<KnowledgeBaseOptions> options) : PageModel
{
    private static readonly TimeSpan AddressCheckTimeout = TimeSpan.FromSeconds(5);

    [BindProperty]
    public UrlForm Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await RefusedAddressAsync(cancellationToken) is { } refusal)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(UrlForm.Url)}", refusal);
            return Page();
        }

        return await SourceForms.CreateAsync(this, () => sources.CreateUrlAsync(Input.ToDto(), cancellationToken));
    }

    /// <summary>Why the host may not be fetched, or null when it may (or the address is malformed: the app service says so).</summary>
    private async Task<string?> RefusedAddressAsync(CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(Input.Url?.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(AddressCheckTimeout);
        try
        {
            await UrlAddressPolicy.ResolveAsync(uri.IdnHost, options.Value.AllowLoopbackUrls, timeout.Token);
            return null;
        }
        catch (KnowledgeContentException e)
        {
            return e.Message;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"The address {uri.Host} could not be found.";
        }
    }

    public sealed class UrlForm
    {
        public string? Url { get; set; }

        public string? Title { get; set; }

        public string? Language { get; set; } = KnowledgeLanguages.Default;

        public CreateUrlSourceDto ToDto() => new() { Url = Url ?? string.Empty, Title = Title, Language = Language ?? string.Empty };
    }
}
