using SmbAgent.KnowledgeBase;
using SmbAgent.Notifications;
using SmbAgent.Webhooks;

namespace SmbAgent.Health;

/// <summary>What went wrong for one business lately: each list newest first and capped, with the count of all that matched.</summary>
public sealed record BusinessHealthDto(
    DateTimeOffset Since,
    int MaxShown,
    HealthList<FailedNotificationDto> Notifications,
    HealthList<FailedWebhookDeliveryDto> Webhooks,
    HealthList<FailedKnowledgeSourceDto> Knowledge);

public sealed record HealthList<T>(IReadOnlyList<T> Items, int Total);

/// <summary>A notification that failed or is waiting for another try; the recipient is masked, enough to recognise it.</summary>
public sealed record FailedNotificationDto(
    Guid Id, NotificationKind Kind, NotificationChannel Channel, string MaskedRecipient, DeliveryStatus Status, int Attempts, string? LastError, DateTimeOffset Time);

/// <summary>A webhook delivery given up on; the subscription is there for the link to its delivery log, the host null once it is removed.</summary>
public sealed record FailedWebhookDeliveryDto(
    Guid Id, Guid SubscriptionId, string EventType, string? TargetHost, int? LastStatusCode, string? LastError, DateTimeOffset Time);

public sealed record FailedKnowledgeSourceDto(Guid Id, string Title, KnowledgeSourceKind Kind, string? FailureReason, DateTimeOffset Time);
