using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace SmbAgent.Tenancy;

/// <summary>Runs the contributors in the configured order and stops at the first that resolves.</summary>
public sealed class TenantResolver(IServiceProvider services, IOptions<TenantResolveOptions> options)
{
    public async Task<TenantResolveContext> ResolveAsync(HttpContext httpContext)
    {
        var context = new TenantResolveContext(httpContext);
        foreach (var type in options.Value.Contributors)
        {
            var contributor = (ITenantResolveContributor)services.GetService(type)!;
            await contributor.ResolveAsync(context);
            if (context.Handled)
            {
                break;
            }
        }

        return context;
    }
}
