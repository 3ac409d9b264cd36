namespace SmbAgent.Webhooks;

public enum WebhookDeliveryStatus
{
    Pending = 0,
    Succeeded = 1,

    /// <summary>Given up after the last attempt, or the target was refused: the owner can replay it.</summary>
    Failed = 2,
}
