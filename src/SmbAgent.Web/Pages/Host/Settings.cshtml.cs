using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmbAgent.HostAdmin;
using SmbAgent.Permissions;

namespace SmbAgent.Web.Pages.Host;

[Authorize(SmbPermissions.Tenants.Manage)]
public sealed class PlatformSettingsModel(PlatformSettingsAppService settings) : PageModel
{
    [BindProperty]
    public bool AllowSelfServicePlanChange { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        AllowSelfServicePlanChange = await settings.GetAllowSelfServicePlanChangeAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await settings.SetAllowSelfServicePlanChangeAsync(AllowSelfServicePlanChange, cancellationToken);
        TempData["Success"] = "Platform settings were saved.";
        return RedirectToPage();
    }
}
