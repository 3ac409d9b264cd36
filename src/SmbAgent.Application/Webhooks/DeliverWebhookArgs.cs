namespace SmbAgent.Webhooks;

/// <param name="Attempts">The delivery's attempts when this run was queued: a run that finds a different count is a duplicate and does nothing.</param>
public sealed record DeliverWebhookArgs(Guid DeliveryId, int Attempts);
