using Microsoft.AspNetCore.Identity;
using SmbAgent.Auditing;
using SmbAgent.Tenancy;

namespace SmbAgent.Identity;

/// <summary>
/// Password sign-in that knows the tenant before it looks the user up: the business named on the
/// login form (blank for platform admins). Unknown businesses fail like a wrong password.
/// </summary>
public sealed class AccountSignInService(
    SignInManager<AppUser> signInManager,
    ITenantStore tenantStore,
    ICurrentTenant currentTenant,
    IAuditLogger audit)
{
    public async Task<SignInResult> PasswordSignInAsync(
        string? businessName,
        string userNameOrEmail,
        string password,
        bool isPersistent,
        CancellationToken cancellationToken = default)
    {
        Guid? tenantId = null;
        if (!string.IsNullOrWhiteSpace(businessName))
        {
            var tenant = await tenantStore.FindByNameAsync(businessName, cancellationToken);
            if (tenant is null || !tenant.IsActive)
            {
                return SignInResult.Failed;
            }

            tenantId = tenant.Id;
        }

        using (currentTenant.Change(tenantId))
        {
            var users = signInManager.UserManager;
            var user = await users.FindByNameAsync(userNameOrEmail) ?? await users.FindByEmailAsync(userNameOrEmail);
            if (user is null)
            {
                return SignInResult.Failed;
            }

            var result = await signInManager.PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure: true);
            var action = result.Succeeded ? AuditActions.SignedIn : result.IsLockedOut ? AuditActions.LockedOut : AuditActions.SignInFailed;
            await audit.LogAsync(action, $"user {user.UserName}", cancellationToken);
            return result;
        }
    }
}
