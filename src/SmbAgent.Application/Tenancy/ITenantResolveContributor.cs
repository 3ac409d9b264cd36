namespace SmbAgent.Tenancy;

/// <summary>
/// One trusted source of the current tenant: the signed-in user's claim, a widget key, the called
/// number, an API key. Never a value the browser merely states.
/// </summary>
public interface ITenantResolveContributor
{
    string Name { get; }

    Task ResolveAsync(TenantResolveContext context);
}
