using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SmbAgent.Auditing;
using SmbAgent.BackgroundJobs;
using SmbAgent.Data;
using SmbAgent.Tenancy;

namespace SmbAgent.Privacy;

/// <summary>Purges each business whose deletion's grace period is over, one at a time; a failure leaves it for the next run.</summary>
public sealed partial class TenantPurgeJob(
    ISmbAgentDbContext db,
    ICurrentTenant currentTenant,
    ITenantDataPurger purger,
    ITenantStore tenantStore,
    IAuditLogger audit,
    TimeProvider clock,
    ILogger<TenantPurgeJob> logger) : IBackgroundJob<PurgeDeletedTenantsArgs>
{
    public async Task ExecuteAsync(PurgeDeletedTenantsArgs args, CancellationToken cancellationToken)
    {
        using (currentTenant.Change(null))
        {
            var now = clock.GetUtcNow();
            var due = await db.Tenants.AsNoTracking()
                .Where(t => t.DeletionDueTime != null && t.DeletionDueTime <= now && !t.IsActive)
                .OrderBy(t => t.DeletionDueTime)
                .Select(t => new { t.Id, t.Name })
                .ToListAsync(cancellationToken);
            foreach (var tenant in due)
            {
                await purger.PurgeAsync(tenant.Id, cancellationToken);
                await tenantStore.InvalidateAsync(tenant.Id, tenant.Name, cancellationToken);
                await audit.LogAsync(AuditActions.TenantPurged, $"tenant {tenant.Name} ({tenant.Id}) and all its data deleted", cancellationToken);
                LogPurged(logger, tenant.Id);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Purged tenant {TenantId}: its grace period was over")]
    private static partial void LogPurged(ILogger logger, Guid tenantId);
}
