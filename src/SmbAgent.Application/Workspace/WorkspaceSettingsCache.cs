using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using SmbAgent.Caching;
using SmbAgent.Conversations.Emergencies;
using SmbAgent.Data;
using SmbAgent.Tenancy;

namespace SmbAgent.Workspace;

/// <summary>
/// The business's <see cref="WorkspaceSettings"/> through HybridCache, tagged with the tenant. The app services that
/// edit the profile, the agent, the questions or the emergency words invalidate it, so the next turn reads the edit. Another host's
/// in-memory copy may live on for the short local lifetime (the cache's defaults).
/// </summary>
public sealed class WorkspaceSettingsCache(ISmbAgentDbContext db, ICurrentTenant currentTenant, HybridCache cache)
{
    private const string CacheName = "workspace-settings";

    /// <summary>The current tenant's settings (entities not tracked: read them, don't save them).</summary>
    public async Task<WorkspaceSettings> GetAsync(CancellationToken cancellationToken = default)
    {
        var tenantId = currentTenant.Id ?? throw new BusinessException("Tenancy:NoTenant", "Settings belong to a business.", 403);
        return await cache.GetOrCreateAsync(
            Key(tenantId),
            (db, currentTenant, tenantId),
            static async (state, ct) =>
            {
                using (state.currentTenant.Change(state.tenantId))
                {
                    return await LoadAsync(state.db, ct);
                }
            },
            tags: [TenantCacheKey.Tag(tenantId)],
            cancellationToken: cancellationToken);
    }

    public async Task InvalidateAsync(CancellationToken cancellationToken = default)
    {
        if (currentTenant.Id is { } tenantId)
        {
            await cache.RemoveAsync(Key(tenantId), cancellationToken);
        }
    }

    private static string Key(Guid tenantId) => TenantCacheKey.For(tenantId, CacheName, "all");

    private static async Task<WorkspaceSettings> LoadAsync(ISmbAgentDbContext db, CancellationToken ct)
    {
        var profile = await db.BusinessProfiles.AsNoTracking().FirstOrDefaultAsync(ct);
        var agent = await db.AgentSettings.AsNoTracking().FirstOrDefaultAsync(ct)
                    ?? throw new EntityNotFoundException(nameof(AgentSettings), "current");
        var questions = await db.LeadQuestions.AsNoTracking().OrderBy(q => q.Position).ToListAsync(ct);
        var words = await db.EmergencyWords.AsNoTracking().Select(w => new OwnerEmergencyWord(w.Phrase, w.Level)).ToListAsync(ct);
        return new WorkspaceSettings(profile, agent, questions, words);
    }
}
