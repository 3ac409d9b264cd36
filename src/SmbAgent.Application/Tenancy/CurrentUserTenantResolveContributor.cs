namespace SmbAgent.Tenancy;

/// <summary>
/// Final for authenticated requests (as in ABP): the tenant claim decides, and no claim means a host user. First in the
/// chain except behind a route-bound source such as the widget key.
/// </summary>
public sealed class CurrentUserTenantResolveContributor : ITenantResolveContributor
{
    public const string ContributorName = "CurrentUser";

    public string Name => ContributorName;

    public Task ResolveAsync(TenantResolveContext context)
    {
        var user = context.HttpContext.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            return Task.CompletedTask;
        }

        var claim = user.FindFirst(TenantConsts.TenantIdClaimType)?.Value;
        context.Resolve(Guid.TryParse(claim, out var tenantId) ? tenantId : null, Name);
        return Task.CompletedTask;
    }
}
