using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmbAgent.Data;
using SmbAgent.KnowledgeBase;
using SmbAgent.KnowledgeBase.Ingestion;
using SmbAgent.Notifications;
using SmbAgent.Tenancy;

namespace SmbAgent.BackgroundJobs.StalledWork;

/// <summary>
/// "An outage delays, never loses": queues again, in its tenant and with the arguments the normal path uses, every
/// notification delivery and knowledge source still Pending <see cref="StalledWorkSweepOptions.SweepAfter"/> after it
/// was last queued with no job run since — a crash or a job store failure between its save and its enqueue.
/// </summary>
/// <remarks>
/// Each row is claimed by restamping its queued time in one statement that re-checks it is stalled; only the sweep
/// whose statement changed the row queues it, so sweeps running at once on several instances queue it once, and the
/// next sweep sees it as freshly queued. A delivery whose job already ran (its last attempt is after its queueing) has
/// Hangfire's retries behind it and is left alone; a source's job marks it Indexing as it starts. The delivery job
/// skips anything no longer Pending, so a queueing that did reach the job store after all sends nothing twice.
/// </remarks>
public sealed partial class StalledWorkSweepJob(
    ISmbAgentDbContext db,
    IDataFilter dataFilter,
    ICurrentTenant currentTenant,
    IBackgroundJobManager jobs,
    IOptions<StalledWorkSweepOptions> options,
    TimeProvider clock,
    ILogger<StalledWorkSweepJob> logger) : IBackgroundJob<SweepStalledWorkArgs>
{
    /// <summary>Rows of each kind per sweep, oldest first: after a long outage the next sweeps take the rest.</summary>
    public const int MaxRowsPerSweep = 500;

    public async Task ExecuteAsync(SweepStalledWorkArgs args, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var cutoff = now - options.Value.SweepAfter;
        using (currentTenant.Change(null))
        using (dataFilter.Disable<IMultiTenant>())
        {
            var deliveries = await SweepDeliveriesAsync(now, cutoff, cancellationToken);
            var sources = await SweepKnowledgeSourcesAsync(now, cutoff, cancellationToken);
            if (deliveries + sources > 0)
            {
                LogRequeued(logger, deliveries, sources);
            }
        }
    }

    private async Task<int> SweepDeliveriesAsync(DateTimeOffset now, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var stalled = StalledDelivery(cutoff);
        var candidates = await db.NotificationDeliveries.AsNoTracking()
            .Where(stalled)
            .OrderBy(d => d.CreationTime)
            .Take(MaxRowsPerSweep)
            .Select(d => new { d.TenantId, d.Id, d.Attempts })
            .ToListAsync(cancellationToken);
        var requeued = 0;
        foreach (var delivery in candidates)
        {
            var claimed = await db.NotificationDeliveries
                .Where(d => d.Id == delivery.Id && d.Attempts == delivery.Attempts)
                .Where(stalled)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.LastQueuedTime, now), cancellationToken);
            if (claimed == 1)
            {
                // No attempt since it was queued: its attempts are where that round started.
                Enqueue(delivery.TenantId, new DeliverNotificationArgs(delivery.Id, delivery.Attempts));
                requeued++;
            }
        }

        return requeued;
    }

    private async Task<int> SweepKnowledgeSourcesAsync(DateTimeOffset now, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var stalled = StalledSource(cutoff);
        var candidates = await db.KnowledgeSources.AsNoTracking()
            .Where(stalled)
            .OrderBy(s => s.CreationTime)
            .Take(MaxRowsPerSweep)
            .Select(s => new { s.TenantId, s.Id })
            .ToListAsync(cancellationToken);
        var requeued = 0;
        foreach (var source in candidates)
        {
            var claimed = await db.KnowledgeSources
                .Where(s => s.Id == source.Id)
                .Where(stalled)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastQueuedTime, now), cancellationToken);
            if (claimed == 1)
            {
                Enqueue(source.TenantId, new IngestKnowledgeSourceArgs(source.Id));
                requeued++;
            }
        }

        return requeued;
    }

    private void Enqueue<TArgs>(Guid tenantId, TArgs args)
    {
        using (currentTenant.Change(tenantId))
        {
            jobs.Enqueue(args);
        }
    }

    private static Expression<Func<NotificationDelivery, bool>> StalledDelivery(DateTimeOffset cutoff) =>
        d => d.Status == DeliveryStatus.Pending
             && (d.LastQueuedTime ?? d.CreationTime) < cutoff
             && (d.LastAttemptTime == null || d.LastAttemptTime < (d.LastQueuedTime ?? d.CreationTime));

    private static Expression<Func<KnowledgeSource, bool>> StalledSource(DateTimeOffset cutoff) =>
        s => s.Status == KnowledgeSourceStatus.Pending && (s.LastQueuedTime ?? s.CreationTime) < cutoff;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queued again {DeliveryCount} notification delivery(ies) and {SourceCount} knowledge source(s) left pending with no job")]
    private static partial void LogRequeued(ILogger logger, int deliveryCount, int sourceCount);
}
