using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmbAgent.Auditing;
using SmbAgent.Data;
using SmbAgent.Tenancy;

namespace SmbAgent.Privacy;

/// <summary>
/// The host's deletion of a business, with a grace period: scheduling deactivates it at once (its users, widget and
/// phone line are refused as for any inactive business); until the purge job's run after the due time it can be
/// restored with everything it had. Runs in the host scope; authorization is on the pages.
/// </summary>
public sealed class TenantDeletionAppService(
    ISmbAgentDbContext db,
    ITenantStore tenantStore,
    IAuditLogger audit,
    IOptions<PrivacyOptions> options,
    TimeProvider clock)
{
    public TimeSpan GracePeriod => options.Value.TenantDeletionGracePeriod;

    /// <summary>Returns when its data will be purged; scheduling again keeps the first due time.</summary>
    public async Task<DateTimeOffset> ScheduleAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var tenant = await FindAsync(id, cancellationToken);
        if (tenant.DeletionDueTime is { } due)
        {
            return due;
        }

        tenant.ScheduleDeletion(clock.GetUtcNow() + GracePeriod);
        await db.SaveChangesAsync(cancellationToken);
        await tenantStore.InvalidateAsync(id, tenant.Name, cancellationToken);
        await audit.LogAsync(AuditActions.TenantDeletionScheduled, $"tenant {tenant.Name}: data purged after {tenant.DeletionDueTime:u}", cancellationToken);
        return tenant.DeletionDueTime!.Value;
    }

    /// <summary>Cancels the deletion and reactivates the business; one that was never scheduled is left as it is.</summary>
    public async Task RestoreAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var tenant = await FindAsync(id, cancellationToken);
        if (tenant.DeletionDueTime is null)
        {
            return;
        }

        tenant.RestoreFromDeletion();
        await db.SaveChangesAsync(cancellationToken);
        await tenantStore.InvalidateAsync(id, tenant.Name, cancellationToken);
        await audit.LogAsync(AuditActions.TenantDeletionCancelled, $"tenant {tenant.Name} restored", cancellationToken);
    }

    private async Task<Tenant> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Tenants.FirstOrDefaultAsync(t => t.Id == id, cancellationToken)
        ?? throw new EntityNotFoundException(nameof(Tenant), id);
}
