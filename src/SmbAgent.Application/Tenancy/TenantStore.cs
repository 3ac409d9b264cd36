using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using SmbAgent.Caching;
using SmbAgent.Data;

namespace SmbAgent.Tenancy;

/// <summary>
/// Reads tenants through HybridCache (ABP's TenantStore). Misses are cached too, briefly, so probing
/// unknown tenants does not reach the database.
/// </summary>
public sealed class TenantStore(ISmbAgentDbContext db, HybridCache cache) : ITenantStore
{
    private static readonly HybridCacheEntryOptions MissOptions = new()
    {
        Expiration = TimeSpan.FromSeconds(30),
        LocalCacheExpiration = TimeSpan.FromSeconds(30),
    };

    public async Task<TenantConfiguration?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var entry = await cache.GetOrCreateAsync(
            TenantCacheKey.Host("tenant", $"id:{id}"),
            (db, id),
            static async (state, ct) => new CachedTenant(await Load(state.db.Tenants.Where(t => t.Id == state.id), ct)),
            tags: [TenantCacheKey.Tag(id)],
            cancellationToken: cancellationToken);
        if (entry.Tenant is null)
        {
            await cache.SetAsync(TenantCacheKey.Host("tenant", $"id:{id}"), entry, MissOptions, cancellationToken: cancellationToken);
        }

        return entry.Tenant;
    }

    public Task<TenantConfiguration?> FindByNameAsync(string name, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return Task.FromResult<TenantConfiguration?>(null);
        }

        var normalized = Tenant.NormalizeName(name);
        return FindByAlternateKeyAsync(NameKey(normalized), t => t.NormalizedName == normalized, cancellationToken);
    }

    public Task<TenantConfiguration?> FindByWidgetKeyAsync(string widgetKey, CancellationToken cancellationToken = default) =>
        string.IsNullOrWhiteSpace(widgetKey) || widgetKey.Length > TenantConsts.WidgetKeyLength
            ? Task.FromResult<TenantConfiguration?>(null)
            : FindByAlternateKeyAsync(TenantCacheKey.Host("tenant", $"widget:{widgetKey}"), t => t.WidgetKey == widgetKey, cancellationToken);

    private async Task<TenantConfiguration?> FindByAlternateKeyAsync(
        string key, Expression<Func<Tenant, bool>> match, CancellationToken cancellationToken)
    {
        var entry = await cache.GetOrCreateAsync(
            key,
            (db, match),
            static async (state, ct) => new CachedTenant(await Load(state.db.Tenants.Where(state.match), ct)),
            cancellationToken: cancellationToken);
        if (entry.Tenant is null)
        {
            await cache.SetAsync(key, entry, MissOptions, cancellationToken: cancellationToken);
        }
        else
        {
            // Alternate keys live under the tenant's tag too, so one invalidation covers them all.
            await cache.SetAsync(key, entry, tags: [TenantCacheKey.Tag(entry.Tenant.Id)], cancellationToken: cancellationToken);
        }

        return entry.Tenant;
    }

    public async Task InvalidateAsync(Guid id, string? name = null, CancellationToken cancellationToken = default)
    {
        await cache.RemoveByTagAsync(TenantCacheKey.Tag(id), cancellationToken);
        await cache.RemoveAsync(TenantCacheKey.Host("tenant", $"id:{id}"), cancellationToken);
        if (name is not null)
        {
            await cache.RemoveAsync(NameKey(Tenant.NormalizeName(name)), cancellationToken);
        }
    }

    private static string NameKey(string normalizedName) => TenantCacheKey.Host("tenant", $"name:{normalizedName}");

    private static Task<TenantConfiguration?> Load(IQueryable<Tenant> query, CancellationToken ct) =>
        query.AsNoTracking()
            .Select(t => new TenantConfiguration(t.Id, t.Name, t.EditionId, t.IsActive))
            .FirstOrDefaultAsync(ct);

    /// <summary>A wrapper so a miss is a cacheable value rather than an absent entry.</summary>
    public sealed record CachedTenant(TenantConfiguration? Tenant);
}
