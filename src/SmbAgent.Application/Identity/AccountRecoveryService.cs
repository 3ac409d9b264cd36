using Microsoft.AspNetCore.Identity;
using SmbAgent.Auditing;
using SmbAgent.PublicUrls;
using SmbAgent.Tenancy;

namespace SmbAgent.Identity;

/// <summary>
/// Password reset and email confirmation by emailed links. The tenant in a link only says where to look
/// the user up; Identity's token, verified inside that tenant, is what proves the link.
/// </summary>
public sealed class AccountRecoveryService(
    UserManager<AppUser> users,
    ITenantStore tenantStore,
    ICurrentTenant currentTenant,
    TenantUserDirectory directory,
    AccountMailer mailer,
    AdminLinks links,
    IAuditLogger audit)
{
    /// <summary>
    /// Mails a reset link to the account(s) behind the business and email; silent when there is none, so the
    /// answer never tells whether an account exists. A blank business means the platform admin or, when none
    /// matches, every business the email belongs to (each gets its own link).
    /// </summary>
    public async Task SendPasswordResetAsync(string? businessName, string email, CancellationToken cancellationToken = default)
    {
        if (!string.IsNullOrWhiteSpace(businessName))
        {
            var tenant = await tenantStore.FindByNameAsync(businessName, cancellationToken);
            if (tenant is { IsActive: true })
            {
                await SendResetInTenantAsync(tenant.Id, tenant.Name, email, cancellationToken);
            }

            return;
        }

        if (await SendResetInTenantAsync(null, null, email, cancellationToken))
        {
            return;
        }

        foreach (var match in await directory.FindByEmailAsync(email, cancellationToken))
        {
            await SendResetInTenantAsync(match.TenantId, match.TenantName, email, cancellationToken);
        }
    }

    public async Task<IdentityResult> ResetPasswordAsync(AccountLink link, string newPassword, CancellationToken cancellationToken = default)
    {
        using (currentTenant.Change(link.TenantId))
        {
            var user = await users.FindByIdAsync(link.UserId.ToString());
            var token = AccountLink.DecodeToken(link.Code);
            if (user is null || token is null)
            {
                return IdentityResult.Failed(users.ErrorDescriber.InvalidToken());
            }

            var result = await users.ResetPasswordAsync(user, token, newPassword);
            if (result.Succeeded)
            {
                await audit.LogAsync(AuditActions.PasswordReset, $"user {user.UserName}", cancellationToken);
            }

            return result;
        }
    }

    public async Task<bool> ConfirmEmailAsync(AccountLink link)
    {
        using (currentTenant.Change(link.TenantId))
        {
            var user = await users.FindByIdAsync(link.UserId.ToString());
            var token = AccountLink.DecodeToken(link.Code);
            return user is not null && token is not null && (await users.ConfirmEmailAsync(user, token)).Succeeded;
        }
    }

    /// <summary>Mails a confirmation link to <paramref name="user"/>; call inside the user's tenant.</summary>
    public async Task SendEmailConfirmationAsync(AppUser user, CancellationToken cancellationToken = default)
    {
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        await mailer.SendEmailConfirmationAsync(user.Email!, currentTenant.Name, links.ConfirmEmail(AccountLink.For(user, token)).AbsoluteUri, cancellationToken);
    }

    private async Task<bool> SendResetInTenantAsync(Guid? tenantId, string? tenantName, string email, CancellationToken cancellationToken)
    {
        using (currentTenant.Change(tenantId, tenantName))
        {
            var user = await users.FindByEmailAsync(email);
            if (user?.Email is null)
            {
                return false;
            }

            var token = await users.GeneratePasswordResetTokenAsync(user);
            await mailer.SendPasswordResetAsync(user.Email, tenantName, links.ResetPassword(AccountLink.For(user, token)).AbsoluteUri, cancellationToken);
            return true;
        }
    }
}
