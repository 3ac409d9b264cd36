using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace SmbAgent.Tenancy;

/// <summary>
/// For the anonymous chat API: the route's widget key names the tenant. In the path rather than a header, so a
/// browser's CORS preflight already carries it. An unknown key resolves to a tenant that doesn't exist (404).
/// </summary>
public sealed class WidgetKeyTenantResolveContributor(ITenantStore tenants) : ITenantResolveContributor
{
    public const string ContributorName = "WidgetKey";
    public const string RouteValue = "widgetKey";

    public string Name => ContributorName;

    public async Task ResolveAsync(TenantResolveContext context)
    {
        if (context.HttpContext.GetRouteValue(RouteValue) is not string key)
        {
            return;
        }

        var tenant = await tenants.FindByWidgetKeyAsync(key, context.HttpContext.RequestAborted);
        context.Resolve(tenant?.Id ?? Guid.Empty, Name);
    }
}
