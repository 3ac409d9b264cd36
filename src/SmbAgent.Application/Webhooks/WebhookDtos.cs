namespace SmbAgent.Webhooks;

public sealed record WebhookSubscriptionDto(
    Guid Id, string Url, string? Description, IReadOnlyList<string> EventTypes, bool IsActive, DateTimeOffset CreationTime);

/// <summary>A new subscription and its secret, shown to the owner right away.</summary>
public sealed record CreatedWebhookSubscriptionDto(WebhookSubscriptionDto Subscription, string Secret);

public sealed record WebhookDeliveryDto(
    Guid Id,
    string EventType,
    Guid EventId,
    WebhookDeliveryStatus Status,
    int Attempts,
    int? LastStatusCode,
    string? LastError,
    DateTimeOffset? NextAttemptTime,
    DateTimeOffset? LastAttemptTime,
    DateTimeOffset CreationTime);

public sealed class CreateWebhookSubscriptionDto
{
    public string? Url { get; set; }

    public string? Description { get; set; }

    public List<string> EventTypes { get; set; } = [];
}
