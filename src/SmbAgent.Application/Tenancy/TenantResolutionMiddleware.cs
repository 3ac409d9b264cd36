using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmbAgent.ErrorHandling;

namespace SmbAgent.Tenancy;

/// <summary>
/// Runs right after authentication: resolves the tenant from trusted sources, refuses unknown (404)
/// and inactive (403) tenants, refuses a signed-in user who names another tenant (403), then runs the
/// rest of the request inside <c>CurrentTenant.Change</c>.
/// </summary>
public sealed partial class TenantResolutionMiddleware(
    RequestDelegate next,
    IOptions<TenantResolveOptions> options,
    ILogger<TenantResolutionMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext httpContext, TenantResolver resolver, ITenantStore tenantStore, ICurrentTenant currentTenant)
    {
        var resolved = await resolver.ResolveAsync(httpContext);
        TenantConfiguration? tenant = null;
        if (resolved.TenantId is { } tenantId)
        {
            tenant = await tenantStore.FindAsync(tenantId, httpContext.RequestAborted);
            if ((tenant is null || !tenant.IsActive)
                && resolved.ResolvedBy == CurrentUserTenantResolveContributor.ContributorName
                && options.Value.OnUserTenantUnavailable is { } onUnavailable)
            {
                await onUnavailable(httpContext);
            }

            if ((tenant is null || !tenant.IsActive) && resolved.ResolvedBy == WidgetKeyTenantResolveContributor.ContributorName)
            {
                // A widget on any site reads why its key can't chat (unknown or deactivated) instead of a network error
                // it would retry; the answer names nothing of the business and carries no credentials.
                httpContext.Response.Headers.AccessControlAllowOrigin = "*";
            }

            if (tenant is null)
            {
                await Problems.WriteAsync(httpContext, StatusCodes.Status404NotFound, "Tenant not found", "The tenant of this request does not exist.");
                return;
            }

            if (!tenant.IsActive)
            {
                await Problems.WriteAsync(httpContext, StatusCodes.Status403Forbidden, "Tenant inactive", "This business has been deactivated.");
                return;
            }
        }

        if (httpContext.User.Identity?.IsAuthenticated == true && BrowserNamedTenant.Find(httpContext.Request) is { } named)
        {
            var namedTenant = Guid.TryParse(named, out var namedId)
                ? await tenantStore.FindAsync(namedId, httpContext.RequestAborted)
                : await tenantStore.FindByNameAsync(named, httpContext.RequestAborted);
            if (namedTenant is null)
            {
                await Problems.WriteAsync(httpContext, StatusCodes.Status404NotFound, "Tenant not found", "The tenant named by this request does not exist.");
                return;
            }

            if (namedTenant.Id != tenant?.Id)
            {
                LogCrossTenantAttempt(resolved.TenantId, namedTenant.Id);
                await Problems.WriteAsync(httpContext, StatusCodes.Status403Forbidden, "Another tenant", "The signed-in user cannot act for another tenant.");
                return;
            }
        }

        using (logger.BeginScope(new Dictionary<string, object?> { ["TenantId"] = tenant?.Id, ["TenantResolvedBy"] = resolved.ResolvedBy }))
        using (currentTenant.Change(tenant?.Id, tenant?.Name))
        {
            await next(httpContext);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A user of tenant {UserTenantId} named tenant {NamedTenantId}; refused")]
    private partial void LogCrossTenantAttempt(Guid? userTenantId, Guid namedTenantId);
}
