using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SmbAgent.Auditing;
using SmbAgent.BackgroundJobs;
using SmbAgent.Data;
using SmbAgent.Features;
using SmbAgent.Tenancy;

namespace SmbAgent.Webhooks;

/// <summary>
/// The current business's webhook subscriptions and their delivery log. Needs API access (PRO), enforced here and not
/// only hidden; the permission is on the page. Other businesses' rows are out of reach by the tenant walls.
/// </summary>
public sealed class WebhookAppService(
    ISmbAgentDbContext db,
    ICurrentTenant currentTenant,
    IFeatureChecker features,
    IValidator<CreateWebhookSubscriptionDto> validator,
    WebhookSecrets secrets,
    IBackgroundJobManager jobs,
    IAuditLogger audit,
    TimeProvider clock)
{
    /// <summary>Entries shown in a subscription's delivery log, newest first.</summary>
    public const int MaxDeliveriesShown = 50;

    public async Task<IReadOnlyList<WebhookSubscriptionDto>> GetListAsync(CancellationToken cancellationToken = default)
    {
        await features.CheckEnabledAsync(SmbFeatures.Platform.ApiAccess, cancellationToken);
        var subscriptions = await db.WebhookSubscriptions.AsNoTracking()
            .OrderBy(s => s.CreationTime).ThenBy(s => s.Id)
            .ToListAsync(cancellationToken);
        return [.. subscriptions.Select(ToDto)];
    }

    public async Task<CreatedWebhookSubscriptionDto> CreateAsync(CreateWebhookSubscriptionDto input, CancellationToken cancellationToken = default)
    {
        await features.CheckEnabledAsync(SmbFeatures.Platform.ApiAccess, cancellationToken);
        await validator.ValidateAndThrowAsync(input, cancellationToken);
        if (await db.WebhookSubscriptions.CountAsync(cancellationToken) >= WebhookConsts.MaxSubscriptionsPerTenant)
        {
            throw new BusinessException(
                "Webhooks:TooMany", $"A business can have at most {WebhookConsts.MaxSubscriptionsPerTenant} webhook subscriptions: remove one first.", 409);
        }

        var tenantId = currentTenant.Id ?? throw new BusinessException("Tenancy:NoTenant", "Webhooks belong to a business.", 403);
        var secret = WebhookSignature.NewSecret();
        var events = WebhookEventTypes.All.Where(input.EventTypes.Contains).ToList();
        var subscription = new WebhookSubscription(Guid.CreateVersion7(), tenantId, input.Url!.Trim(), events, secrets.Protect(secret))
        {
            Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim(),
            CreationTime = clock.GetUtcNow(),
        };
        db.WebhookSubscriptions.Add(subscription);
        await db.SaveChangesAsync(cancellationToken);
        await audit.LogAsync(AuditActions.WebhookSubscriptionAdded, $"webhook to {subscription.Url} for {string.Join(", ", events)}", cancellationToken);
        return new CreatedWebhookSubscriptionDto(ToDto(subscription), secret);
    }

    /// <summary>The signing secret, for the owner who needs it again to set up the receiver; every showing is audited.</summary>
    public async Task<string> GetSecretAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await features.CheckEnabledAsync(SmbFeatures.Platform.ApiAccess, cancellationToken);
        var subscription = await FindAsync(id, cancellationToken);
        var secret = secrets.Unprotect(subscription.ProtectedSecret)
                     ?? throw new BusinessException("Webhooks:SecretUnreadable", "The secret can't be read any more: create a new subscription.", 409);
        await audit.LogAsync(AuditActions.WebhookSecretShown, $"webhook to {subscription.Url}", cancellationToken);
        return secret;
    }

    public async Task DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await features.CheckEnabledAsync(SmbFeatures.Platform.ApiAccess, cancellationToken);
        var subscription = await FindAsync(id, cancellationToken);
        db.WebhookSubscriptions.Remove(subscription);
        await db.SaveChangesAsync(cancellationToken);
        await audit.LogAsync(AuditActions.WebhookSubscriptionRemoved, $"webhook to {subscription.Url}", cancellationToken);
    }

    public async Task<IReadOnlyList<WebhookDeliveryDto>> GetDeliveriesAsync(Guid subscriptionId, CancellationToken cancellationToken = default)
    {
        await features.CheckEnabledAsync(SmbFeatures.Platform.ApiAccess, cancellationToken);
        await FindAsync(subscriptionId, cancellationToken);
        return await db.WebhookDeliveries.AsNoTracking()
            .Where(d => d.SubscriptionId == subscriptionId)
            .OrderByDescending(d => d.CreationTime).ThenByDescending(d => d.Id)
            .Take(MaxDeliveriesShown)
            .Select(d => new WebhookDeliveryDto(
                d.Id, d.EventType, d.EventId, d.Status, d.Attempts, d.LastStatusCode, d.LastError, d.NextAttemptTime, d.LastAttemptTime, d.CreationTime))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Sends a delivery again, with the same event id and body, in a new round of attempts; true when it queued one.
    /// A Pending delivery already has a job behind it and is left alone.
    /// </summary>
    public async Task<bool> ReplayAsync(Guid deliveryId, CancellationToken cancellationToken = default)
    {
        await features.CheckEnabledAsync(SmbFeatures.Platform.ApiAccess, cancellationToken);
        var attempts = await db.WebhookDeliveries.AsNoTracking()
                           .Where(d => d.Id == deliveryId)
                           .Select(d => (int?)d.Attempts)
                           .FirstOrDefaultAsync(cancellationToken)
                       ?? throw new EntityNotFoundException(nameof(WebhookDelivery), deliveryId);

        // Check and set in one statement: of two clicks at once only one finds it finished, so one job is queued.
        var now = clock.GetUtcNow();
        var replayed = await db.WebhookDeliveries
            .Where(d => d.Id == deliveryId && d.Status != WebhookDeliveryStatus.Pending && d.Attempts == attempts)
            .ExecuteUpdateAsync(
                s => s.SetProperty(d => d.Status, WebhookDeliveryStatus.Pending)
                    .SetProperty(d => d.RoundStartAttempts, attempts)
                    .SetProperty(d => d.NextAttemptTime, now)
                    .SetProperty(d => d.SucceededTime, (DateTimeOffset?)null),
                cancellationToken);
        if (replayed == 0)
        {
            return false;
        }

        jobs.Enqueue(new DeliverWebhookArgs(deliveryId, attempts));
        return true;
    }

    private async Task<WebhookSubscription> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await db.WebhookSubscriptions.FirstOrDefaultAsync(s => s.Id == id, cancellationToken)
        ?? throw new EntityNotFoundException(nameof(WebhookSubscription), id);

    private static WebhookSubscriptionDto ToDto(WebhookSubscription s) =>
        new(s.Id, s.Url, s.Description, s.EventTypes, s.IsActive, s.CreationTime);
}
