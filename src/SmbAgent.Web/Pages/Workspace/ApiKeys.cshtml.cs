using System.Security.Claims;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmbAgent.ApiKeys;
using SmbAgent.Data;
using SmbAgent.Features;
using SmbAgent.Permissions;
using SmbAgent.Web.Navigation;

namespace SmbAgent.Web.Pages.Workspace;

/// <summary>
/// The business's REST API keys: make one (its whole key shown in this one answer, which no cache keeps), see each
/// key's prefix, scope and last use, revoke. Below PRO, the upgrade prompt instead.
/// </summary>
[Authorize(Policy = SmbPermissions.ApiKeys.Manage)]
public sealed class ApiKeysModel(ApiKeyAppService keys, EditionCatalog editions) : PageModel
{
    [BindProperty]
    public CreateApiKeyDto Input { get; set; } = new();

    public IReadOnlyList<ApiKeyDto> Keys { get; private set; } = [];

    public UpgradePrompt? Prompt { get; private set; }

    /// <summary>The key just made: only in the answer to the form that made it.</summary>
    public CreatedApiKeyDto? Created { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            try
            {
                var creatorId = Guid.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : (Guid?)null;
                Created = await keys.CreateAsync(Input, creatorId, User.Identity?.Name, cancellationToken);
                Response.Headers.CacheControl = "no-store";
                ModelState.Clear();
                Input = new CreateApiKeyDto();
            }
            catch (ValidationException e)
            {
                ModelState.AddErrors(e, nameof(Input));
            }
            catch (FeatureNotEnabledException)
            {
                // The prompt below says why; nothing was made.
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            await keys.RevokeAsync(id, cancellationToken);
        }
        catch (EntityNotFoundException)
        {
            return NotFound();
        }
        catch (FeatureNotEnabledException)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        TempData["Success"] = "The key is revoked: requests with it are refused from now on.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            Keys = await keys.GetListAsync(cancellationToken);
        }
        catch (FeatureNotEnabledException)
        {
            Prompt = await editions.PromptAsync(
                SmbFeatures.Platform.ApiAccess,
                "Connect your own tools with the REST API",
                "API keys let your CRM or scripts read your leads, conversations and calls, and add knowledge. They come with a higher plan.",
                cancellationToken: cancellationToken);
        }
    }
}
