using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmbAgent.Tenancy;

namespace SmbAgent.Identity;

/// <summary>
/// Cookie re-validation runs inside authentication, before tenant resolution. Without entering the
/// user's tenant first, the tenant filter hides the user and every tenant user would be signed out at
/// the next check (ABP's AbpSecurityStampValidator fixes the same).
/// </summary>
public sealed class TenantAwareSecurityStampValidator(
    IOptions<SecurityStampValidatorOptions> options,
    SignInManager<AppUser> signInManager,
    ILoggerFactory loggerFactory,
    ICurrentTenant currentTenant)
    : SecurityStampValidator<AppUser>(options, signInManager, loggerFactory)
{
    public override async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var claim = context.Principal?.FindFirst(TenantConsts.TenantIdClaimType)?.Value;
        using (currentTenant.Change(Guid.TryParse(claim, out var tenantId) ? tenantId : null))
        {
            await base.ValidateAsync(context);
        }
    }
}
