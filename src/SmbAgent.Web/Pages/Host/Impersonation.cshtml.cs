using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmbAgent.Data;
using SmbAgent.HostAdmin;
using SmbAgent.Permissions;
using SmbAgent.Tenancy;

namespace SmbAgent.Web.Pages.Host;

/// <summary>
/// Starts and stops support sign-ins. Opted out of the /Host folder policy because the impersonated
/// user (a tenant user) must reach Stop; each handler checks its own caller instead.
/// </summary>
[AllowAnonymous]
public sealed class ImpersonationModel(ImpersonationService impersonation, IAuthorizationService authorization) : PageModel
{
    public IActionResult OnGet() => NotFound();

    public async Task<IActionResult> OnPostAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }

        if (User.HasClaim(c => c.Type == TenantConsts.TenantIdClaimType)
            || !(await authorization.AuthorizeAsync(User, SmbPermissions.Tenants.Manage)).Succeeded)
        {
            return Forbid();
        }

        try
        {
            await impersonation.StartAsync(tenantId, cancellationToken);
        }
        catch (EntityNotFoundException)
        {
            return NotFound();
        }
        catch (BusinessException e)
        {
            TempData["Error"] = e.Message;
            return RedirectToPage("/Host/Tenants/Edit", new { id = tenantId });
        }

        return LocalRedirect("/");
    }

    /// <summary>Only an impersonated session may stop; anyone else gets a bare 403.</summary>
    public async Task<IActionResult> OnPostStopAsync(CancellationToken cancellationToken)
    {
        if (!ImpersonationService.IsImpersonating(User) || !await impersonation.StopAsync(cancellationToken))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        return RedirectToPage("/Host/Tenants/Index");
    }
}
