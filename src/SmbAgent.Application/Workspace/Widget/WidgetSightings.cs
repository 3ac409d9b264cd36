using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using SmbAgent.Caching;
using SmbAgent.Data;
using SmbAgent.Tenancy;

namespace SmbAgent.Workspace.Widget;

/// <summary>
/// Records when and where the business's widget last ran on one of its own sites, for the Install page's "check
/// installation" and the setup checklist. Every widget request from such a site asks, so a write happens at most once
/// per site per <see cref="WriteInterval"/> (remembered in the cache, shared by the instances).
/// </summary>
public sealed class WidgetSightings(ISmbAgentDbContext db, ICurrentTenant currentTenant, HybridCache cache, TimeProvider clock)
{
    public static readonly TimeSpan WriteInterval = TimeSpan.FromMinutes(5);

    private static readonly HybridCacheEntryOptions Remembered = new() { Expiration = WriteInterval, LocalCacheExpiration = WriteInterval };

    /// <param name="origin">An allowed origin of the owner's (not the admin's or the API's), normalised.</param>
    public async Task RecordAsync(string origin, CancellationToken cancellationToken = default)
    {
        if (currentTenant.Id is not { } tenantId)
        {
            return;
        }

        await cache.GetOrCreateAsync(
            TenantCacheKey.For(tenantId, "widget-seen", origin),
            (db, currentTenant, tenantId, time: clock.GetUtcNow(), origin),
            static async (state, ct) =>
            {
                // The cache may run this without the caller's tenant scope, as WorkspaceSettingsCache's load.
                using (state.currentTenant.Change(state.tenantId))
                {
                    await state.db.AgentSettings.ExecuteUpdateAsync(
                        s => s.SetProperty(a => a.WidgetLastSeenTime, state.time).SetProperty(a => a.WidgetLastSeenOrigin, state.origin), ct);
                }

                return true;
            },
            Remembered,
            cancellationToken: cancellationToken);
    }
}
