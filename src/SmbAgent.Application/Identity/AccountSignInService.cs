using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using SmbAgent.Auditing;
using SmbAgent.Tenancy;

namespace SmbAgent.Identity;

/// <summary>
/// Password sign-in that knows the tenant before it looks the user up: the business named on the
/// login form (blank for platform admins). Unknown businesses, unknown users and locked accounts fail like a wrong
/// password and verify a password hash as it does (<see cref="UnknownUserPasswordCheck"/>): neither the answer nor
/// its time tells which accounts exist. The callers answer every failure alike.
/// </summary>
public sealed class AccountSignInService(
    SignInManager<AppUser> signInManager,
    ITenantStore tenantStore,
    ICurrentTenant currentTenant,
    TenantUserDirectory directory,
    UnknownUserPasswordCheck unknownUser,
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
                return FailUnknown(password);
            }

            tenantId = tenant.Id;
        }

        using (currentTenant.Change(tenantId))
        {
            var user = await FindUserAsync(userNameOrEmail);
            return user is null ? FailUnknown(password) : await SignInUserAsync(user, password, isPersistent, cancellationToken);
        }
    }

    /// <summary>
    /// The login form's sign-in. With a business, as <see cref="PasswordSignInAsync(string?, string, string, bool, CancellationToken)"/>.
    /// Without one, a platform admin with that email wins; otherwise the email's businesses are tried:
    /// one with the right password signs in, several are returned for the user to choose from. Businesses
    /// are only returned after the password was verified for them, so the list leaks nothing.
    /// </summary>
    public async Task<LoginResult> LoginAsync(
        string? businessName,
        string userNameOrEmail,
        string password,
        bool isPersistent,
        CancellationToken cancellationToken = default)
    {
        if (!string.IsNullOrWhiteSpace(businessName))
        {
            return new LoginResult(await PasswordSignInAsync(businessName, userNameOrEmail, password, isPersistent, cancellationToken), []);
        }

        using (currentTenant.Change(null))
        {
            if (await FindUserAsync(userNameOrEmail) is { } hostUser)
            {
                return new LoginResult(await SignInUserAsync(hostUser, password, isPersistent, cancellationToken), []);
            }
        }

        var candidates = await directory.FindByEmailAsync(userNameOrEmail, cancellationToken);
        var verified = new List<TenantUser>();
        var open = new List<TenantUser>();
        foreach (var candidate in candidates)
        {
            using (currentTenant.Change(candidate.TenantId, candidate.TenantName))
            {
                var user = await signInManager.UserManager.FindByIdAsync(candidate.UserId.ToString());
                if (user is null || await signInManager.UserManager.IsLockedOutAsync(user))
                {
                    unknownUser.Verify(signInManager.UserManager.PasswordHasher, password);
                    continue;
                }

                open.Add(candidate);
                if (await signInManager.UserManager.CheckPasswordAsync(user, password))
                {
                    verified.Add(candidate);
                }
            }
        }

        if (verified.Count == 1)
        {
            return new LoginResult(await SignInInTenantAsync(verified[0].TenantId, userNameOrEmail, password, isPersistent, cancellationToken), []);
        }

        if (verified.Count > 1)
        {
            return new LoginResult(SignInResult.Failed, [.. verified.Select(v => new BusinessChoice(v.TenantId, v.TenantName))]);
        }

        if (candidates.Count == 0)
        {
            return new LoginResult(FailUnknown(password), []);
        }

        return new LoginResult(await CountFailuresAsync(candidates.Count, open, cancellationToken), []);
    }

    /// <summary>Signs in to a business the user chose after <see cref="LoginAsync"/> verified their password there.</summary>
    public async Task<SignInResult> SignInInTenantAsync(Guid tenantId, string userNameOrEmail, string password, bool isPersistent, CancellationToken cancellationToken = default)
    {
        var tenant = await tenantStore.FindAsync(tenantId, cancellationToken);
        if (tenant is not { IsActive: true })
        {
            return FailUnknown(password);
        }

        using (currentTenant.Change(tenant.Id, tenant.Name))
        {
            var user = await FindUserAsync(userNameOrEmail);
            return user is null ? FailUnknown(password) : await SignInUserAsync(user, password, isPersistent, cancellationToken);
        }
    }

    /// <summary>True when a password sign-in is waiting for its second factor.</summary>
    public async Task<bool> HasPendingTwoFactorAsync(CancellationToken cancellationToken = default)
    {
        var (found, tenantId) = await FindTwoFactorTenantAsync(cancellationToken);
        if (!found)
        {
            return false;
        }

        using (currentTenant.Change(tenantId))
        {
            return await signInManager.GetTwoFactorAuthenticationUserAsync() is not null;
        }
    }

    /// <summary>
    /// The second step: an authenticator code (or a recovery code). The two-factor cookie was written before the
    /// tenant was known; its user id is protected by the server, so the user's tenant is looked up from it and
    /// entered before Identity reads the user.
    /// </summary>
    public async Task<SignInResult> TwoFactorSignInAsync(string code, bool isRecoveryCode, bool isPersistent, CancellationToken cancellationToken = default)
    {
        var (found, tenantId) = await FindTwoFactorTenantAsync(cancellationToken);
        if (!found)
        {
            return SignInResult.Failed;
        }

        var tenantName = tenantId is { } id ? (await tenantStore.FindAsync(id, cancellationToken))?.Name : null;
        using (currentTenant.Change(tenantId, tenantName))
        {
            var user = await signInManager.GetTwoFactorAuthenticationUserAsync();
            if (user is null)
            {
                return SignInResult.Failed;
            }

            var normalized = code.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
            var result = isRecoveryCode
                ? await signInManager.TwoFactorRecoveryCodeSignInAsync(code.Replace(" ", string.Empty, StringComparison.Ordinal))
                : await signInManager.TwoFactorAuthenticatorSignInAsync(normalized, isPersistent, rememberClient: false);
            await AuditAsync(result, user, cancellationToken);
            return result;
        }
    }

    private async Task<(bool Found, Guid? TenantId)> FindTwoFactorTenantAsync(CancellationToken cancellationToken)
    {
        var twoFactor = await signInManager.Context.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
        var userId = twoFactor.Principal?.FindFirstValue(ClaimTypes.Name);
        return Guid.TryParse(userId, out var id) ? await directory.FindTenantOfUserAsync(id, cancellationToken) : (false, null);
    }

    private async Task<AppUser?> FindUserAsync(string userNameOrEmail)
    {
        var users = signInManager.UserManager;
        return await users.FindByNameAsync(userNameOrEmail) ?? await users.FindByEmailAsync(userNameOrEmail);
    }

    private SignInResult FailUnknown(string password)
    {
        unknownUser.Verify(signInManager.UserManager.PasswordHasher, password);
        return SignInResult.Failed;
    }

    private async Task<SignInResult> SignInUserAsync(AppUser user, string password, bool isPersistent, CancellationToken cancellationToken)
    {
        // Identity refuses a locked or not-allowed account before it looks at the password.
        if (await signInManager.UserManager.IsLockedOutAsync(user) || !await signInManager.CanSignInAsync(user))
        {
            unknownUser.Verify(signInManager.UserManager.PasswordHasher, password);
        }

        var result = await signInManager.PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure: true);
        await AuditAsync(result, user, cancellationToken);
        return result;
    }

    /// <summary>
    /// No business accepted the password (already checked once for each): each one counts a failure, as if it had been
    /// named, without checking the password again.
    /// </summary>
    private async Task<SignInResult> CountFailuresAsync(int candidateCount, List<TenantUser> open, CancellationToken cancellationToken)
    {
        var lockedOut = candidateCount - open.Count;
        foreach (var candidate in open)
        {
            using (currentTenant.Change(candidate.TenantId, candidate.TenantName))
            {
                var user = await signInManager.UserManager.FindByIdAsync(candidate.UserId.ToString());
                if (user is null)
                {
                    continue;
                }

                await signInManager.UserManager.AccessFailedAsync(user);
                var result = await signInManager.UserManager.IsLockedOutAsync(user) ? SignInResult.LockedOut : SignInResult.Failed;
                await AuditAsync(result, user, cancellationToken);
                lockedOut += result.IsLockedOut ? 1 : 0;
            }
        }

        return candidateCount > 0 && lockedOut == candidateCount ? SignInResult.LockedOut : SignInResult.Failed;
    }

    private async Task AuditAsync(SignInResult result, AppUser user, CancellationToken cancellationToken)
    {
        // The password step of a two-factor sign-in is neither a success nor a failure yet.
        if (result.RequiresTwoFactor)
        {
            return;
        }

        var action = result.Succeeded ? AuditActions.SignedIn : result.IsLockedOut ? AuditActions.LockedOut : AuditActions.SignInFailed;
        await audit.LogAsync(action, $"user {user.UserName}", cancellationToken);
    }
}

/// <summary>The login form's outcome: a sign-in result, or the businesses to choose from.</summary>
public sealed record LoginResult(SignInResult SignIn, IReadOnlyList<BusinessChoice> Businesses)
{
    public bool NeedsBusinessChoice => Businesses.Count > 1;
}

/// <summary>A business whose account accepted the password.</summary>
public sealed record BusinessChoice(Guid TenantId, string Name);
