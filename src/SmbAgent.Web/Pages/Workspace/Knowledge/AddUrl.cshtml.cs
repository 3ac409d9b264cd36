using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmbAgent.KnowledgeBase;
using SmbAgent.Permissions;

namespace SmbAgent.Web.Pages.Workspace.Knowledge;

/// <summary>
/// Adds a web page, fetched and indexed in the background. An address written into a private network is refused
/// by the app service at once; a name is checked, with every redirect, when the job fetches it.
/// </summary>
[Authorize(Policy = SmbPermissions.Knowledge.Manage)]
public sealed class AddUrlModel(KnowledgeSourceAppService sources) : PageModel
{
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

        return await SourceForms.CreateAsync(this, () => sources.CreateUrlAsync(Input.ToDto(), cancellationToken));
    }

    public sealed class UrlForm
    {
        public string? Url { get; set; }

        public string? Title { get; set; }

        public string? Language { get; set; } = KnowledgeLanguages.Default;

        public CreateUrlSourceDto ToDto() => new() { Url = Url ?? string.Empty, Title = Title, Language = Language ?? string.Empty };
    }
}
