using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmbAgent.BackgroundJobs;
using SmbAgent.Data;
using SmbAgent.Features;

namespace SmbAgent.Webhooks;

/// <summary>
/// One attempt at one delivery. Only a 2xx answer is success; a failure is recorded and the next attempt scheduled
/// as a new job after an exponential wait (<see cref="WebhookOptions.RetryBaseDelay"/> doubled each time), until
/// <see cref="WebhookOptions.MaxAttempts"/> in the round: then the delivery is Failed, for the owner to replay.
/// The job never throws for the receiver's failures, so Hangfire's own retries are left for the database being down.
/// </summary>
/// <remarks>
/// A run whose attempt count no longer matches the delivery's is a duplicate (or the owner replayed meanwhile) and
/// does nothing. Delivery is at least once: a receiver deduplicates on the event id it is sent.
/// </remarks>
public sealed partial class DeliverWebhookJob(
    ISmbAgentDbContext db,
    IFeatureChecker features,
    WebhookSecrets secrets,
    WebhookTargetPolicy targets,
    WebhookSender sender,
    IBackgroundJobManager jobs,
    IOptions<WebhookOptions> options,
    TimeProvider clock,
    ILogger<DeliverWebhookJob> logger) : IBackgroundJob<DeliverWebhookArgs>
{
    public async Task ExecuteAsync(DeliverWebhookArgs args, CancellationToken cancellationToken)
    {
        var delivery = await db.WebhookDeliveries.FirstOrDefaultAsync(d => d.Id == args.DeliveryId, cancellationToken);
        if (delivery is null || delivery.Status != WebhookDeliveryStatus.Pending || delivery.Attempts != args.Attempts)
        {
            return;
        }

        var subscription = await db.WebhookSubscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == delivery.SubscriptionId, cancellationToken);
        var result = await AttemptAsync(delivery, subscription, cancellationToken);
        var now = clock.GetUtcNow();
        if (result.Succeeded)
        {
            delivery.MarkSucceeded(now, result.StatusCode!.Value);
            await db.SaveChangesAsync(cancellationToken);
            LogSucceeded(logger, delivery.Id, delivery.EventType, delivery.Attempts);
            return;
        }

        var settings = options.Value;
        var giveUp = result.Final || delivery.AttemptsThisRound + 1 >= settings.MaxAttempts;
        var wait = settings.RetryBaseDelay * Math.Pow(2, delivery.AttemptsThisRound);
        delivery.MarkFailed(now, result.StatusCode, result.Error!, giveUp ? null : now + wait);
        await db.SaveChangesAsync(CancellationToken.None);
        if (giveUp)
        {
            LogGaveUp(logger, delivery.Id, delivery.EventType, delivery.Attempts);
            return;
        }

        LogFailed(logger, delivery.Id, delivery.EventType, delivery.Attempts, result.StatusCode);
        jobs.Enqueue(new DeliverWebhookArgs(delivery.Id, delivery.Attempts), wait);
    }

    private async Task<Attempt> AttemptAsync(WebhookDelivery delivery, WebhookSubscription? subscription, CancellationToken cancellationToken)
    {
        if (subscription is not { IsActive: true })
        {
            return new Attempt(false, null, "The subscription is turned off.", Final: true);
        }

        if (!await features.IsEnabledAsync(SmbFeatures.Platform.ApiAccess, cancellationToken))
        {
            return new Attempt(false, null, "Webhooks are not part of the business's plan.", Final: true);
        }

        // The rules may have changed since the subscription was saved (https required, its own hosts); the handler
        // then checks the address the name resolves to now.
        if (targets.Problem(subscription.Url) is { } problem)
        {
            return new Attempt(false, null, problem, Final: true);
        }

        if (secrets.Unprotect(subscription.ProtectedSecret) is not { } secret)
        {
            return new Attempt(false, null, "The subscription's secret can't be read: create a new subscription.", Final: true);
        }

        var sent = await sender.SendAsync(new Uri(subscription.Url), secret, delivery.EventId, delivery.Payload, cancellationToken);
        return new Attempt(sent.Succeeded, sent.StatusCode, sent.Error, Final: false);
    }

    private sealed record Attempt(bool Succeeded, int? StatusCode, string? Error, bool Final);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook delivery {DeliveryId} ({EventType}) succeeded on attempt {Attempts}")]
    private static partial void LogSucceeded(ILogger logger, Guid deliveryId, string eventType, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery {DeliveryId} ({EventType}) failed on attempt {Attempts} with status {StatusCode}")]
    private static partial void LogFailed(ILogger logger, Guid deliveryId, string eventType, int attempts, int? statusCode);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook delivery {DeliveryId} ({EventType}) failed for good after {Attempts} attempts")]
    private static partial void LogGaveUp(ILogger logger, Guid deliveryId, string eventType, int attempts);
}
