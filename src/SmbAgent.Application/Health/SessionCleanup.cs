using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmbAgent.Conversations.State;
using SmbAgent.Data;
using SmbAgent.Tenancy;

namespace SmbAgent.Health;

/// <summary>
/// Ends idle sessions in the caches: a conversation with no message within the active window but one in the last
/// day has its hot state dropped from Redis and this process's memory, and the fallback tracker forgets expired
/// entries. Conversations stay in PostgreSQL, so a visitor or caller who comes back resumes from there.
/// </summary>
public sealed class SessionCleanup(
    ISmbAgentDbContext db,
    ICurrentTenant currentTenant,
    IDataFilter dataFilter,
    ConversationStateCache states,
    FallbackSessions fallback,
    IOptions<HealthOptions> options,
    TimeProvider clock)
{
    private static readonly TimeSpan LookBack = TimeSpan.FromDays(1);

    public async Task<SessionCleanupResult> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var idleSince = now - options.Value.ActiveSessionWindow;
        List<(Guid TenantId, Guid Id)> idle;
        using (currentTenant.Change(null))
        using (dataFilter.Disable<IMultiTenant>())
        {
            idle = (await db.Conversations.AsNoTracking()
                    .Where(c => c.LastActivityTime < idleSince && c.LastActivityTime >= now - LookBack)
                    .Select(c => new { c.TenantId, c.Id })
                    .ToListAsync(cancellationToken))
                .Select(c => (c.TenantId, c.Id))
                .ToList();
        }

        foreach (var (tenantId, id) in idle)
        {
            await states.EvictAsync(tenantId, id, cancellationToken);
        }

        return new SessionCleanupResult(idle.Count, fallback.Prune());
    }
}

public sealed record SessionCleanupResult(int IdleSessionsClosed, int FallbackEntriesDropped);
