using Microsoft.EntityFrameworkCore;
using SmbAgent.EntityFrameworkCore;
using SmbAgent.Tenancy;

namespace SmbAgent.Usage;

/// <summary>
/// One statement per increment: insert the month's row or add one to it, but only while under the
/// limit. Concurrent callers serialize on the row, so the count is exact and never passes the limit.
/// </summary>
public sealed class UsageCounterStore(SmbAgentDbContext db, ICurrentTenant currentTenant) : IUsageCounterStore
{
    public async Task<long?> TryIncrementAsync(string metric, DateOnly periodStart, long limit, CancellationToken cancellationToken = default)
    {
        var tenantId = currentTenant.Id ?? throw new InvalidOperationException("Usage is counted for a tenant.");
        var counts = await db.Database.SqlQuery<long>($"""
            INSERT INTO usage_counters (tenant_id, metric, period_start, count)
            VALUES ({tenantId}, {metric}, {periodStart}, 1)
            ON CONFLICT (tenant_id, metric, period_start)
            DO UPDATE SET count = usage_counters.count + 1
            WHERE {limit} = 0 OR usage_counters.count < {limit}
            RETURNING count AS "Value"
            """).ToListAsync(cancellationToken);
        return counts.Count == 0 ? null : counts[0];
    }

    public async Task<long> AddAsync(string metric, DateOnly periodStart, long amount, CancellationToken cancellationToken = default)
    {
        var tenantId = currentTenant.Id ?? throw new InvalidOperationException("Usage is counted for a tenant.");
        var counts = await db.Database.SqlQuery<long>($"""
            INSERT INTO usage_counters (tenant_id, metric, period_start, count)
            VALUES ({tenantId}, {metric}, {periodStart}, {amount})
            ON CONFLICT (tenant_id, metric, period_start)
            DO UPDATE SET count = usage_counters.count + {amount}
            RETURNING count AS "Value"
            """).ToListAsync(cancellationToken);
        return counts[0];
    }

    public async Task<long> GetAsync(string metric, DateOnly periodStart, CancellationToken cancellationToken = default) =>
        await db.UsageCounters.AsNoTracking()
            .Where(c => c.Metric == metric && c.PeriodStart == periodStart)
            .Select(c => (long?)c.Count)
            .FirstOrDefaultAsync(cancellationToken) ?? 0;
}
