using SmbAgent.Tenancy;

namespace SmbAgent.Caching;

/// <summary>
/// The one place cache keys are built (ABP's key normalizer): every key names its tenant, so the same
/// code never reads another tenant's entry. Entries are tagged <c>tenant:{id}</c> for invalidation.
/// </summary>
public static class TenantCacheKey
{
    public static string For(ICurrentTenant currentTenant, string cacheName, string key) => For(currentTenant.Id, cacheName, key);

    public static string For(Guid? tenantId, string cacheName, string key) =>
        $"t:{(tenantId is { } id ? id.ToString("N") : "host")}:c:{cacheName}:k:{key}";

    /// <summary>For host data (tenants, editions) that every tenant reads.</summary>
    public static string Host(string cacheName, string key) => For((Guid?)null, cacheName, key);

    public static string Tag(Guid tenantId) => $"tenant:{tenantId:N}";

    public static string EditionTag(Guid editionId) => $"edition:{editionId:N}";
}
