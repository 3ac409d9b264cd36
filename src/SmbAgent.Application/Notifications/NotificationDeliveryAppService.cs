using Microsoft.EntityFrameworkCore;
using SmbAgent.BackgroundJobs;
using SmbAgent.Data;

namespace SmbAgent.Notifications;

/// <summary>The owner sends a failed notification again. Authorization is on the pages.</summary>
public sealed class NotificationDeliveryAppService(ISmbAgentDbContext db, IBackgroundJobManager jobs, TimeProvider clock)
{
    /// <summary>
    /// Queues a Failed delivery for a new round of attempts; true when it did. A Sent or Pending one is left alone:
    /// a sent message is never sent again and a pending one is already queued.
    /// </summary>
    public async Task<bool> RetryAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var attempts = await db.NotificationDeliveries.AsNoTracking()
                           .Where(d => d.Id == id)
                           .Select(d => (int?)d.Attempts)
                           .FirstOrDefaultAsync(cancellationToken)
                       ?? throw new EntityNotFoundException(nameof(NotificationDelivery), id);

        // Check and set in one statement: of two clicks at once only one finds it Failed, so only one job is queued.
        // Stamped as queued now, so the sweep leaves this round to its job.
        var requeued = await db.NotificationDeliveries
            .Where(d => d.Id == id && d.Status == DeliveryStatus.Failed && d.Attempts == attempts)
            .ExecuteUpdateAsync(
                s => s.SetProperty(d => d.Status, DeliveryStatus.Pending).SetProperty(d => d.LastQueuedTime, clock.GetUtcNow()),
                cancellationToken);
        if (requeued == 0)
        {
            return false;
        }

        jobs.Enqueue(new DeliverNotificationArgs(id, attempts));
        return true;
    }
}
