namespace SmbAgent.Tenancy;

public sealed class TenantResolveOptions
{
    /// <summary>
    /// Contributor types in the order they run: the current user's claim first, unless a host puts a source bound to
    /// the route before it (the API's widget key, which decides its routes alone).
    /// </summary>
    public List<Type> Contributors { get; } = [typeof(CurrentUserTenantResolveContributor)];

    /// <summary>
    /// Runs when a signed-in user's tenant no longer exists or was deactivated, before the 404/403 is
    /// written. The admin host signs the cookie out here, so the browser is not stuck on the refusal.
    /// </summary>
    public Func<Microsoft.AspNetCore.Http.HttpContext, Task>? OnUserTenantUnavailable { get; set; }
}
