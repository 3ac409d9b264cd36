using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmbAgent.BackgroundJobs;
using SmbAgent.Data;
using SmbAgent.Tenancy;

namespace SmbAgent.Analytics;

/// <summary>One business's roll-up: today and yesterday, or the days from <paramref name="From"/> to <paramref name="To"/>.</summary>
public sealed record RollUpAnalyticsArgs(DateOnly? From = null, DateOnly? To = null);

/// <summary>Runs for the host (no tenant): queues every active business's own roll-up.</summary>
public sealed record ScheduleAnalyticsRollupsArgs;

public sealed class RollUpAnalyticsJob(AnalyticsRollupService rollups) : IBackgroundJob<RollUpAnalyticsArgs>
{
    public Task ExecuteAsync(RollUpAnalyticsArgs args, CancellationToken cancellationToken) =>
        args is { From: { } from, To: { } to }
            ? rollups.RecomputeAsync(from, to, cancellationToken)
            : rollups.RecomputeRecentAsync(cancellationToken);
}

/// <summary>
/// One job per business rather than one loop over all of them: each runs in its own tenant scope (so RLS applies),
/// fails and retries alone, and the job server spreads them over its workers and instances.
/// </summary>
public sealed class ScheduleAnalyticsRollupsJob(ISmbAgentDbContext db, ICurrentTenant currentTenant, IBackgroundJobManager jobs)
    : IBackgroundJob<ScheduleAnalyticsRollupsArgs>
{
    public async Task ExecuteAsync(ScheduleAnalyticsRollupsArgs args, CancellationToken cancellationToken)
    {
        var tenantIds = await db.Tenants.AsNoTracking().Where(t => t.IsActive).Select(t => t.Id).ToListAsync(cancellationToken);
        foreach (var tenantId in tenantIds)
        {
            using (currentTenant.Change(tenantId))
            {
                jobs.Enqueue(new RollUpAnalyticsArgs());
            }
        }
    }
}

public sealed class AnalyticsRollupSchedule(IRecurringJobManager recurringJobs, IOptions<AnalyticsOptions> options) : IRecurringHostJob
{
    public const string RecurringJobId = "analytics-rollup";

    string IRecurringHostJob.RecurringJobId => RecurringJobId;

    public void Register() =>
        recurringJobs.AddOrUpdate<TenantJobRunner>(
            RecurringJobId,
            runner => runner.RunAsync(null, new ScheduleAnalyticsRollupsArgs(), CancellationToken.None),
            options.Value.RollupSchedule);
}
