using SmbAgent.Data;
using SmbAgent.Tenancy;

namespace SmbAgent.Webhooks;

/// <summary>
/// One event for one subscription: the outbox row, written in the same SaveChanges as the change it reports, and the
/// delivery log the owner sees. The body is fixed when the event happens, so a retry or a replay sends the same bytes.
/// </summary>
public sealed class WebhookDelivery : IMultiTenant, IHasCreationTime
{
    private WebhookDelivery()
    {
        EventType = string.Empty;
        Payload = string.Empty;
    }

    public WebhookDelivery(Guid id, Guid tenantId, Guid subscriptionId, string eventType, Guid eventId, string payload, DateTimeOffset now)
    {
        Id = id;
        TenantId = tenantId;
        SubscriptionId = subscriptionId;
        EventType = eventType;
        EventId = eventId;
        Payload = payload;
        CreationTime = now;
        NextAttemptTime = now;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    Guid? IMultiTenant.TenantId => TenantId;

    public Guid SubscriptionId { get; private set; }

    public string EventType { get; private set; }

    /// <summary>The event's id, the same for every subscription and every attempt: what receivers deduplicate on.</summary>
    public Guid EventId { get; private set; }

    /// <summary>The JSON body to POST.</summary>
    public string Payload { get; private set; }

    public WebhookDeliveryStatus Status { get; private set; }

    /// <summary>Attempts in all, replays included.</summary>
    public int Attempts { get; private set; }

    /// <summary>The attempts made before the current round (0, or where the last replay started), so a replay gets a full round.</summary>
    public int RoundStartAttempts { get; private set; }

    public int? LastStatusCode { get; private set; }

    public string? LastError { get; private set; }

    public DateTimeOffset? NextAttemptTime { get; private set; }

    public DateTimeOffset? LastAttemptTime { get; private set; }

    public DateTimeOffset? SucceededTime { get; private set; }

    public DateTimeOffset CreationTime { get; set; }

    public int AttemptsThisRound => Attempts - RoundStartAttempts;

    public void MarkSucceeded(DateTimeOffset now, int statusCode)
    {
        Attempts++;
        Status = WebhookDeliveryStatus.Succeeded;
        LastStatusCode = statusCode;
        LastError = null;
        LastAttemptTime = now;
        SucceededTime = now;
        NextAttemptTime = null;
    }

    /// <summary>Records a failed attempt; <paramref name="retryAt"/> null gives up.</summary>
    public void MarkFailed(DateTimeOffset now, int? statusCode, string error, DateTimeOffset? retryAt)
    {
        Attempts++;
        LastStatusCode = statusCode;
        LastError = error.Length <= WebhookConsts.MaxErrorLength ? error : error[..WebhookConsts.MaxErrorLength];
        LastAttemptTime = now;
        NextAttemptTime = retryAt;
        if (retryAt is null)
        {
            Status = WebhookDeliveryStatus.Failed;
        }
    }

    /// <summary>The owner's replay: a new round of attempts, starting now, whatever the last one did.</summary>
    public void Replay(DateTimeOffset now)
    {
        Status = WebhookDeliveryStatus.Pending;
        RoundStartAttempts = Attempts;
        NextAttemptTime = now;
        SucceededTime = null;
    }
}
