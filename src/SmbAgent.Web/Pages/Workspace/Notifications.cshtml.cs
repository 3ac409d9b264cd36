using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmbAgent.Notifications;
using SmbAgent.Permissions;

namespace SmbAgent.Web.Pages.Workspace;

/// <summary>The notification switches: for now, whether visitors get a confirmation email.</summary>
[Authorize(Policy = SmbPermissions.Workspace.ManageSettings)]
public sealed class NotificationsModel(NotificationSettingsAppService settings) : PageModel
{
    [BindProperty]
    public bool SendVisitorConfirmation { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        SendVisitorConfirmation = (await settings.GetAsync(cancellationToken)).SendVisitorConfirmation;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await settings.UpdateAsync(new NotificationSettingsDto(SendVisitorConfirmation), cancellationToken);
        TempData["Success"] = "The notification settings are saved.";
        return RedirectToPage();
    }
}
