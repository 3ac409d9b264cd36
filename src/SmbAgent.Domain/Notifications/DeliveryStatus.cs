namespace SmbAgent.Notifications;

public enum DeliveryStatus
{
    Pending = 0,
    Sent = 1,

    /// <summary>Given up: the provider refused it for good (an invalid number) or every retry failed.</summary>
    Failed = 2,
}
