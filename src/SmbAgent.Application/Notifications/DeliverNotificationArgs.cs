namespace SmbAgent.Notifications;

/// <param name="AttemptsBefore">
/// The delivery's attempts when this round was queued: 0 for the first, the failed ones when the owner retries, so a
/// retry gets a full round of Hangfire's retries. Missing from jobs queued before it existed, which reads as 0.
/// </param>
public sealed record DeliverNotificationArgs(Guid DeliveryId, int AttemptsBefore = 0);
