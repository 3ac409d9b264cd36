namespace SmbAgent.Tenancy;

public interface ITenantStore
{
    Task<TenantConfiguration?> FindAsync(Guid id, CancellationToken cancellationToken = default);

    Task<TenantConfiguration?> FindByNameAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>The tenant whose chat widget carries this public key.</summary>
    Task<TenantConfiguration?> FindByWidgetKeyAsync(string widgetKey, CancellationToken cancellationToken = default);

    /// <summary>Forgets everything cached about the tenant (its record and every tenant-tagged entry).</summary>
    Task InvalidateAsync(Guid id, string? name = null, CancellationToken cancellationToken = default);
}
