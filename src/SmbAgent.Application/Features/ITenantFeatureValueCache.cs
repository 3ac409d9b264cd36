namespace SmbAgent.Features;

/// <summary>The values set for a tenant (its overrides over its edition's values), cached and tagged for invalidation.</summary>
public interface ITenantFeatureValueCache
{
    Task<IReadOnlyDictionary<string, string>> GetAsync(Guid tenantId, CancellationToken cancellationToken = default);
}
