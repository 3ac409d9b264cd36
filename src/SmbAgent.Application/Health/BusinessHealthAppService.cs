using Microsoft.EntityFrameworkCore;
using SmbAgent.Data;
using SmbAgent.Features;
using SmbAgent.KnowledgeBase;
using SmbAgent.Notifications;
using SmbAgent.Webhooks;

namespace SmbAgent.Health;

/// <summary>
/// The current business's own trouble: notifications that failed or are retrying, webhook deliveries given up on and
/// knowledge sources that failed to index. Needs the health page feature (PRO), enforced here and not only hidden; the
/// permission is on the page. Other businesses' rows are out of reach by the tenant walls.
/// </summary>
public sealed class BusinessHealthAppService(ISmbAgentDbContext db, IFeatureChecker features, TimeProvider clock)
{
    public const int MaxShown = 50;

    public static readonly TimeSpan Window = TimeSpan.FromDays(30);

    public async Task<BusinessHealthDto> GetAsync(CancellationToken cancellationToken = default)
    {
        await features.CheckEnabledAsync(SmbFeatures.Platform.HealthPage, cancellationToken);
        var since = clock.GetUtcNow() - Window;
        return new BusinessHealthDto(
            since,
            MaxShown,
            await NotificationsAsync(since, cancellationToken),
            await WebhooksAsync(since, cancellationToken),
            await KnowledgeAsync(cancellationToken));
    }

    /// <summary>Masks all but what lets the owner tell recipients apart: an email's first letter and domain, a number's last four digits.</summary>
    public static string MaskRecipient(string recipient)
    {
        var at = recipient.LastIndexOf('@');
        if (at > 0)
        {
            return recipient[0] + "…" + recipient[at..];
        }

        return recipient.Length <= 4 ? "…" : "…" + recipient[^4..];
    }

    private async Task<HealthList<FailedNotificationDto>> NotificationsAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        // Pending with an attempt behind it is a retry in progress; Pending without one is merely queued.
        var query = db.NotificationDeliveries.AsNoTracking()
            .Where(d => d.Status == DeliveryStatus.Failed || (d.Status == DeliveryStatus.Pending && d.Attempts > 0))
            .Where(d => (d.LastAttemptTime ?? d.CreationTime) >= since);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query
            .OrderByDescending(d => d.LastAttemptTime ?? d.CreationTime).ThenByDescending(d => d.Id)
            .Take(MaxShown)
            .Select(d => new { d.Id, d.Kind, d.Channel, d.Recipient, d.Status, d.Attempts, d.LastError, Time = d.LastAttemptTime ?? d.CreationTime })
            .ToListAsync(cancellationToken);
        return new HealthList<FailedNotificationDto>(
            [.. rows.Select(r => new FailedNotificationDto(r.Id, r.Kind, r.Channel, MaskRecipient(r.Recipient), r.Status, r.Attempts, r.LastError, r.Time))],
            total);
    }

    private async Task<HealthList<FailedWebhookDeliveryDto>> WebhooksAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var query = db.WebhookDeliveries.AsNoTracking()
            .Where(d => d.Status == WebhookDeliveryStatus.Failed)
            .Where(d => (d.LastAttemptTime ?? d.CreationTime) >= since);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query
            .OrderByDescending(d => d.LastAttemptTime ?? d.CreationTime).ThenByDescending(d => d.Id)
            .Take(MaxShown)
            .Select(d => new
            {
                d.Id,
                d.SubscriptionId,
                d.EventType,
                Url = db.WebhookSubscriptions.Where(s => s.Id == d.SubscriptionId).Select(s => s.Url).FirstOrDefault(),
                d.LastStatusCode,
                d.LastError,
                Time = d.LastAttemptTime ?? d.CreationTime,
            })
            .ToListAsync(cancellationToken);
        return new HealthList<FailedWebhookDeliveryDto>(
            [.. rows.Select(r => new FailedWebhookDeliveryDto(r.Id, r.SubscriptionId, r.EventType, HostOf(r.Url), r.LastStatusCode, r.LastError, r.Time))],
            total);
    }

    /// <summary>A failed source stays a problem until it is retried or removed, however long ago it failed, so no window here.</summary>
    private async Task<HealthList<FailedKnowledgeSourceDto>> KnowledgeAsync(CancellationToken cancellationToken)
    {
        var query = db.KnowledgeSources.AsNoTracking().Where(s => s.Status == KnowledgeSourceStatus.Failed);
        var total = await query.CountAsync(cancellationToken);
        var items = await query
            .OrderByDescending(s => s.LastQueuedTime ?? s.LastModificationTime ?? s.CreationTime).ThenByDescending(s => s.Id)
            .Take(MaxShown)
            .Select(s => new FailedKnowledgeSourceDto(s.Id, s.Title, s.Kind, s.FailureReason, s.LastQueuedTime ?? s.LastModificationTime ?? s.CreationTime))
            .ToListAsync(cancellationToken);
        return new HealthList<FailedKnowledgeSourceDto>(items, total);
    }

    private static string? HostOf(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host : null;
}
