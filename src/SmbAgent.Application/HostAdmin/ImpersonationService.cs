using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SmbAgent.Auditing;
using SmbAgent.Data;
using SmbAgent.Identity;
using SmbAgent.Tenancy;

namespace SmbAgent.HostAdmin;

/// <summary>
/// Support sign-in: a platform admin becomes a tenant's owner, carrying their own id in
/// <see cref="AuditLogger.ImpersonatorClaimType"/> so every audit entry names them, and later comes back.
/// Both ends are audited on the host side and inside the tenant.
/// </summary>
public sealed class ImpersonationService(
    SignInManager<AppUser> signInManager,
    ISmbAgentDbContext db,
    ICurrentTenant currentTenant,
    IAuditLogger audit)
{
    /// <summary>The platform admin's user name, shown while they act as someone else.</summary>
    public const string ImpersonatorNameClaimType = "impersonator_name";

    /// <summary>Claims that travel with an impersonated session (kept when the cookie is re-validated).</summary>
    public static IReadOnlyList<string> CarriedClaimTypes { get; } = [AuditLogger.ImpersonatorClaimType, ImpersonatorNameClaimType];

    public static bool IsImpersonating(ClaimsPrincipal principal) => principal.HasClaim(c => c.Type == AuditLogger.ImpersonatorClaimType);

    /// <summary>Signs the current host user in as the first owner of <paramref name="tenantId"/>.</summary>
    public async Task StartAsync(Guid tenantId, CancellationToken cancellationToken = default)
    {
        var httpContext = signInManager.Context;
        var admin = httpContext.User;
        var adminId = admin.FindFirstValue(ClaimTypes.NameIdentifier)
                      ?? throw new BusinessException("Impersonation:NotSignedIn", "Sign in as a platform admin first.", 403);
        var tenant = await db.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Id == tenantId, cancellationToken)
                     ?? throw new EntityNotFoundException(nameof(Tenant), tenantId);
        if (!tenant.IsActive)
        {
            throw new BusinessException("Impersonation:Inactive", $"{tenant.Name} is deactivated; reactivate it to sign in as its owner.", 409);
        }

        ClaimsPrincipal principal;
        AppUser owner;
        using (currentTenant.Change(tenant.Id, tenant.Name))
        {
            owner = (await signInManager.UserManager.GetUsersInRoleAsync(SmbRoles.Owner))
                    .OrderBy(u => u.CreationTime).ThenBy(u => u.Id)
                    .FirstOrDefault()
                    ?? throw new BusinessException("Impersonation:NoOwner", $"{tenant.Name} has no owner to sign in as.", 409);
            principal = await signInManager.CreateUserPrincipalAsync(owner);
        }

        var identity = principal.Identities.First();
        identity.AddClaim(new Claim(AuditLogger.ImpersonatorClaimType, adminId));
        identity.AddClaim(new Claim(ImpersonatorNameClaimType, admin.Identity?.Name ?? adminId));

        await audit.LogAsync(AuditActions.ImpersonationStarted, $"signed in as {owner.UserName} of {tenant.Name}", cancellationToken);
        await httpContext.SignInAsync(IdentityConstants.ApplicationScheme, principal);

        // The tenant's own record is written as the owner's session, so it carries the impersonator's id.
        httpContext.User = principal;
        using (currentTenant.Change(tenant.Id, tenant.Name))
        {
            await audit.LogAsync(AuditActions.ImpersonationStarted, $"platform admin {admin.Identity?.Name} signed in as {owner.UserName}", cancellationToken);
        }
    }

    /// <summary>
    /// Ends an impersonated session and signs the platform admin back in. False when the current
    /// session is not an impersonation (or the admin no longer exists): nothing is changed then.
    /// </summary>
    public async Task<bool> StopAsync(CancellationToken cancellationToken = default)
    {
        var httpContext = signInManager.Context;
        var impersonated = httpContext.User;
        if (!Guid.TryParse(impersonated.FindFirstValue(AuditLogger.ImpersonatorClaimType), out var adminId))
        {
            return false;
        }

        ClaimsPrincipal adminPrincipal;
        using (currentTenant.Change(null))
        {
            var admin = await signInManager.UserManager.FindByIdAsync(adminId.ToString());
            if (admin is null || admin.TenantId is not null)
            {
                return false;
            }

            adminPrincipal = await signInManager.CreateUserPrincipalAsync(admin);
        }

        await audit.LogAsync(AuditActions.ImpersonationEnded, $"platform admin {impersonated.FindFirstValue(ImpersonatorNameClaimType)} signed out of {impersonated.Identity?.Name}", cancellationToken);
        var tenantName = currentTenant.Name;
        await httpContext.SignInAsync(IdentityConstants.ApplicationScheme, adminPrincipal);
        httpContext.User = adminPrincipal;
        using (currentTenant.Change(null))
        {
            await audit.LogAsync(AuditActions.ImpersonationEnded, $"back from {impersonated.Identity?.Name} of {tenantName}", cancellationToken);
        }

        return true;
    }
}
