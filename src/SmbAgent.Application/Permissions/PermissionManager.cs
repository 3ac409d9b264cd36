using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Hybrid;
using SmbAgent.Identity;
using SmbAgent.Tenancy;

namespace SmbAgent.Permissions;

/// <summary>Grants permissions to roles of the current tenant (or the host) and invalidates the cached grants.</summary>
public sealed class PermissionManager(RoleManager<AppRole> roles, ICurrentTenant currentTenant, HybridCache cache)
{
    public async Task GrantAsync(AppRole role, IEnumerable<string> permissionNames, CancellationToken cancellationToken = default)
    {
        var existing = (await roles.GetClaimsAsync(role))
            .Where(c => c.Type == SmbPermissions.ClaimType)
            .Select(c => c.Value)
            .ToHashSet(StringComparer.Ordinal);
        var side = role.TenantId is null ? MultiTenancySides.Host : MultiTenancySides.Tenant;
        foreach (var name in permissionNames.Where(n => !existing.Contains(n)))
        {
            var definition = SmbPermissionDefinitions.Find(name)
                             ?? throw new ArgumentException($"Permission '{name}' is not defined.", nameof(permissionNames));
            if (!definition.Side.HasFlag(side))
            {
                throw new ArgumentException($"Permission '{name}' cannot be granted on the {side} side.", nameof(permissionNames));
            }

            var result = await roles.AddClaimAsync(role, new Claim(SmbPermissions.ClaimType, name));
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
            }
        }

        await cache.RemoveAsync(PermissionStore.CacheKey(currentTenant.Id, role.NormalizedName ?? role.Name!.ToUpperInvariant()), cancellationToken);
    }
}
