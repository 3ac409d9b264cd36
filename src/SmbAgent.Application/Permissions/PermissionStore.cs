using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using SmbAgent.Caching;
using SmbAgent.Data;
using SmbAgent.Tenancy;

namespace SmbAgent.Permissions;

/// <summary>Role grants are role claims of type <c>permission</c>, cached per (tenant, role).</summary>
public sealed class PermissionStore(ISmbAgentDbContext db, ICurrentTenant currentTenant, HybridCache cache) : IPermissionStore
{
    public async Task<IReadOnlySet<string>> GetGrantedAsync(string roleName, CancellationToken cancellationToken = default)
    {
        var normalized = roleName.ToUpperInvariant();
        var granted = await cache.GetOrCreateAsync(
            CacheKey(currentTenant.Id, normalized),
            (db, normalized),
            static async (state, ct) => await state.db.RoleClaims.AsNoTracking()
                .Where(c => c.ClaimType == SmbPermissions.ClaimType
                            && state.db.Roles.Any(r => r.Id == c.RoleId && r.NormalizedName == state.normalized))
                .Select(c => c.ClaimValue!)
                .ToArrayAsync(ct),
            tags: currentTenant.Id is { } tenantId ? [TenantCacheKey.Tag(tenantId)] : ["host-permissions"],
            cancellationToken: cancellationToken);
        return granted.ToHashSet(StringComparer.Ordinal);
    }

    public static string CacheKey(Guid? tenantId, string normalizedRoleName) =>
        TenantCacheKey.For(tenantId, "role-permissions", normalizedRoleName);
}
