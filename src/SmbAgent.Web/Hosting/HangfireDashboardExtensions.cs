using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Authorization;
using SmbAgent.Permissions;
using SmbAgent.Tenancy;

namespace SmbAgent.Web.Hosting;

/// <summary>
/// Hangfire's dashboard at /hangfire for platform admins. It reads the <see cref="JobStorage"/> in DI;
/// the job server itself runs in the API host.
/// </summary>
public static class HangfireDashboardExtensions
{
    public const string Path = "/hangfire";

    public static IEndpointConventionBuilder MapHostHangfireDashboard(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHangfireDashboard(Path, new DashboardOptions
        {
            AppPath = "/",
            DashboardTitle = "SmbAgent jobs",
            DisplayStorageConnectionString = false,
            // Replaces Hangfire's default local-requests-only filter.
            Authorization = [],
            AsyncAuthorization = [new HostDashboardAuthorizationFilter()],
        })
        // The endpoint policy sends anonymous browsers to the login page and answers 403 to tenant users;
        // the dashboard filter repeats the check for requests that reach Hangfire by any other route.
        .RequireAuthorization(SmbPermissions.Jobs.Dashboard);
}

/// <summary>A signed-in host user (no tenant claim) holding <see cref="SmbPermissions.Jobs.Dashboard"/>.</summary>
public sealed class HostDashboardAuthorizationFilter : IDashboardAsyncAuthorizationFilter
{
    public async Task<bool> AuthorizeAsync(DashboardContext context)
    {
        var httpContext = context.GetHttpContext();
        var user = httpContext.User;
        if (user.Identity?.IsAuthenticated != true || user.HasClaim(c => c.Type == TenantConsts.TenantIdClaimType))
        {
            return false;
        }

        var authorization = httpContext.RequestServices.GetRequiredService<IAuthorizationService>();
        return (await authorization.AuthorizeAsync(user, SmbPermissions.Jobs.Dashboard)).Succeeded;
    }
}
