using Microsoft.EntityFrameworkCore;
using SmbAgent.Data;
using SmbAgent.Tenancy;

namespace SmbAgent.ApiKeys;

/// <summary>
/// Finds the key a request presents, before its business is known: by prefix across every business (one indexed
/// row), then the hash compared in constant time. Not cached, so a revoked key stops at once. The last use is written
/// at most once a minute, so a busy integration doesn't turn every read into a write.
/// </summary>
public sealed class ApiKeyAuthenticator(ISmbAgentDbContext db, IDataFilter dataFilter, ICurrentTenant currentTenant, TimeProvider clock)
{
    public static readonly TimeSpan LastUseResolution = TimeSpan.FromMinutes(1);

    public async Task<ApiKeyIdentity?> AuthenticateAsync(string? presented, CancellationToken cancellationToken = default)
    {
        if (ApiKeySecrets.PrefixOf(presented) is not { } prefix)
        {
            return null;
        }

        ApiKey? key;
        using (dataFilter.Disable<IMultiTenant>())
        {
            key = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Prefix == prefix, cancellationToken);
        }

        if (key is null || !ApiKeySecrets.Matches(presented!, key.SecretHash) || key.IsRevoked)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        if (key.LastUsedTime is null || now - key.LastUsedTime >= LastUseResolution)
        {
            var staleBefore = now - LastUseResolution;
            using (currentTenant.Change(key.TenantId))
            {
                // Conditional, so instances racing on one key write it once.
                await db.ApiKeys
                    .Where(k => k.Id == key.Id && (k.LastUsedTime == null || k.LastUsedTime <= staleBefore))
                    .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedTime, now), cancellationToken);
            }
        }

        return new ApiKeyIdentity(key.Id, key.TenantId, key.Name, key.Scope);
    }
}
