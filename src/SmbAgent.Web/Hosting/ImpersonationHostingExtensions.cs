using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using SmbAgent.HostAdmin;

namespace SmbAgent.Web.Hosting;

public static class ImpersonationHostingExtensions
{
    /// <summary>
    /// Re-validating the cookie rebuilds the principal from the user record, which would drop the
    /// impersonator's claims and silently turn a support session into a plain owner session.
    /// </summary>
    public static IServiceCollection KeepImpersonationOnCookieRefresh(this IServiceCollection services) =>
        services.Configure<SecurityStampValidatorOptions>(options =>
        {
            var previous = options.OnRefreshingPrincipal;
            options.OnRefreshingPrincipal = async context =>
            {
                if (previous is not null)
                {
                    await previous(context);
                }

                if (context.NewPrincipal?.Identities.FirstOrDefault() is not { } identity || context.CurrentPrincipal is null)
                {
                    return;
                }

                foreach (var claim in context.CurrentPrincipal.Claims.Where(c => ImpersonationService.CarriedClaimTypes.Contains(c.Type)).ToList())
                {
                    if (!identity.HasClaim(claim.Type, claim.Value))
                    {
                        identity.AddClaim(new Claim(claim.Type, claim.Value));
                    }
                }
            };
        });
}
