using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using SmbAgent.Caching;
using SmbAgent.Data;
using SmbAgent.Tenancy;

namespace SmbAgent.Features;

/// <summary>
/// One dictionary per tenant, tagged with the tenant and its edition so that changing either
/// (a plan change, an override, an edition value) invalidates it at once.
/// </summary>
public sealed class TenantFeatureValueCache(ISmbAgentDbContext db, ITenantStore tenantStore, HybridCache cache) : ITenantFeatureValueCache
{
    public async Task<IReadOnlyDictionary<string, string>> GetAsync(Guid tenantId, CancellationToken cancellationToken = default)
    {
        var tenant = await tenantStore.FindAsync(tenantId, cancellationToken);
        if (tenant is null)
        {
            return new Dictionary<string, string>();
        }

        return await cache.GetOrCreateAsync(
            TenantCacheKey.For(tenantId, "features", tenant.EditionId.ToString("N")),
            (db, tenant),
            static async (state, ct) => await LoadAsync(state.db, state.tenant, ct),
            tags: [TenantCacheKey.Tag(tenantId), TenantCacheKey.EditionTag(tenant.EditionId)],
            cancellationToken: cancellationToken);
    }

    private static async Task<Dictionary<string, string>> LoadAsync(ISmbAgentDbContext db, TenantConfiguration tenant, CancellationToken ct)
    {
        var rows = await db.FeatureValues.AsNoTracking()
            .Where(v => (v.ProviderName == FeatureValueProviders.Edition && v.ProviderKey == tenant.EditionId)
                        || (v.ProviderName == FeatureValueProviders.Tenant && v.ProviderKey == tenant.Id))
            .Select(v => new { v.Name, v.Value, v.ProviderName })
            .ToListAsync(ct);

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in rows.Where(r => r.ProviderName == FeatureValueProviders.Edition))
        {
            values[row.Name] = row.Value;
        }

        foreach (var row in rows.Where(r => r.ProviderName == FeatureValueProviders.Tenant))
        {
            values[row.Name] = row.Value;
        }

        return values;
    }
}
