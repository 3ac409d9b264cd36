using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmbAgent.Permissions;
using SmbAgent.Workspace.Widget;

namespace SmbAgent.Web.Pages.Workspace;

/// <summary>
/// Installing the chat widget: the snippet to paste, the sites allowed to run it, a live preview (this page loads the
/// widget from the API; the admin's origin is always allowed) and where the widget was last seen.
/// </summary>
[Authorize(Policy = SmbPermissions.Workspace.ManageSettings)]
public sealed class InstallModel(WidgetInstallAppService install) : PageModel
{
    [BindProperty]
    public string? Origin { get; set; }

    public WidgetInstallation Installation { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Installation = await install.GetAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        try
        {
            await install.AddOriginAsync(Origin, cancellationToken);
            TempData["Success"] = "The site is added: the widget runs there now.";
            return RedirectToPage();
        }
        catch (ValidationException e)
        {
            foreach (var error in e.Errors)
            {
                ModelState.AddModelError(nameof(Origin), error.ErrorMessage);
            }
        }

        Installation = await install.GetAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(string? origin, CancellationToken cancellationToken)
    {
        await install.RemoveOriginAsync(origin, cancellationToken);
        TempData["Success"] = "The site is removed: the widget no longer answers there.";
        return RedirectToPage();
    }
}
