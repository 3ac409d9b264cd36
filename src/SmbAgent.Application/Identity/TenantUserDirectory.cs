using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SmbAgent.Data;
using SmbAgent.Tenancy;

namespace SmbAgent.Identity;

/// <summary>
/// Host code that finds the tenant users behind one email across all active businesses, for a login or
/// a password reset that names no business. Callers must not show the result before a password is verified.
/// </summary>
public sealed class TenantUserDirectory(ISmbAgentDbContext db, IDataFilter dataFilter, ILookupNormalizer normalizer)
{
    public async Task<IReadOnlyList<TenantUser>> FindByEmailAsync(string userNameOrEmail, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(userNameOrEmail))
        {
            return [];
        }

        var email = normalizer.NormalizeEmail(userNameOrEmail.Trim());
        var userName = normalizer.NormalizeName(userNameOrEmail.Trim());
        using (dataFilter.Disable<IMultiTenant>())
        {
            var users = await db.Users
                .Where(u => u.TenantId != null && (u.NormalizedEmail == email || u.NormalizedUserName == userName))
                .Select(u => new { u.Id, TenantId = u.TenantId!.Value })
                .ToListAsync(cancellationToken);
            var tenantIds = users.Select(u => u.TenantId).ToList();
            var tenants = await db.Tenants
                .Where(t => t.IsActive && tenantIds.Contains(t.Id))
                .ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
            return [.. users
                .Where(u => tenants.ContainsKey(u.TenantId))
                .Select(u => new TenantUser(u.Id, u.TenantId, tenants[u.TenantId]))
                .OrderBy(u => u.TenantName, StringComparer.OrdinalIgnoreCase)];
        }
    }

    /// <summary>The tenant of a user the server itself identified (e.g. from the protected two-factor cookie).</summary>
    public async Task<(bool Found, Guid? TenantId)> FindTenantOfUserAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        using (dataFilter.Disable<IMultiTenant>())
        {
            var match = await db.Users.Where(u => u.Id == userId).Select(u => new { u.TenantId }).FirstOrDefaultAsync(cancellationToken);
            return match is null ? (false, null) : (true, match.TenantId);
        }
    }
}

/// <summary>A tenant user found by email: the user and their business.</summary>
public sealed record TenantUser(Guid UserId, Guid TenantId, string TenantName);
