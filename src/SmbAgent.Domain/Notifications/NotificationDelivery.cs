using SmbAgent.Data;
using SmbAgent.Tenancy;

namespace SmbAgent.Notifications;

/// <summary>
/// The outbox: one message to send, written in the same transaction as the lead (or the conversation) it is about,
/// so a crash or a provider outage can delay it but never lose it. Its status and attempts are shown on the lead.
/// </summary>
public sealed class NotificationDelivery : IMultiTenant, IHasCreationTime
{
    private NotificationDelivery()
    {
        Recipient = string.Empty;
    }

    public NotificationDelivery(Guid id, Guid tenantId, Guid leadId, NotificationKind kind, NotificationChannel channel, string recipient)
    {
        Id = id;
        TenantId = tenantId;
        LeadId = leadId;
        Kind = kind;
        Channel = channel;
        Recipient = recipient;
    }

    /// <summary>About a conversation rather than a lead (a visitor asking for a person).</summary>
    public static NotificationDelivery ForConversation(Guid id, Guid tenantId, Guid conversationId, NotificationKind kind, NotificationChannel channel, string recipient) =>
        new()
        {
            Id = id,
            TenantId = tenantId,
            ConversationId = conversationId,
            Kind = kind,
            Channel = channel,
            Recipient = recipient,
        };

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    Guid? IMultiTenant.TenantId => TenantId;

    public Guid? LeadId { get; private set; }

    public Guid? ConversationId { get; private set; }

    public NotificationKind Kind { get; private set; }

    public NotificationChannel Channel { get; private set; }

    /// <summary>An email address or an E.164 number.</summary>
    public string Recipient { get; private set; }

    public DeliveryStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>The provider's id for the sent message (an SMS SID); null for email.</summary>
    public string? ProviderMessageId { get; private set; }

    public DateTimeOffset CreationTime { get; set; }

    public DateTimeOffset? SentTime { get; private set; }

    /// <summary>When a job was last queued for it (the owner's retry, the sweep); null: only the one queued when it was created.</summary>
    public DateTimeOffset? LastQueuedTime { get; private set; }

    /// <summary>When a job last tried to send it: a try after the last queueing means a job is behind it (Hangfire retries a failure).</summary>
    public DateTimeOffset? LastAttemptTime { get; private set; }

    public void MarkSent(DateTimeOffset now, string? providerMessageId)
    {
        Status = DeliveryStatus.Sent;
        Attempts++;
        LastError = null;
        SentTime = now;
        LastAttemptTime = now;
        ProviderMessageId = providerMessageId;
    }

    public void MarkAttemptFailed(DateTimeOffset now, string error, bool permanent)
    {
        Attempts++;
        LastAttemptTime = now;
        LastError = error.Length <= NotificationConsts.MaxErrorLength ? error : error[..NotificationConsts.MaxErrorLength];
        if (permanent)
        {
            Status = DeliveryStatus.Failed;
        }
    }
}
