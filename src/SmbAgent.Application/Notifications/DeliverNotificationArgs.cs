namespace SmbAgent.Notifications;

public sealed record DeliverNotificationArgs(Guid DeliveryId);
