using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SmbAgent.BackgroundJobs;
using SmbAgent.Conversations;
using SmbAgent.Data;
using SmbAgent.Emailing;
using SmbAgent.Leads;
using SmbAgent.Notifications.Sms;
using SmbAgent.PublicUrls;
using SmbAgent.Tenancy;

namespace SmbAgent.Notifications;

/// <summary>
/// Sends one outbox delivery. Already sent: nothing to do, so a duplicate run never sends twice. A failure is
/// recorded on the delivery and rethrown so Hangfire retries with backoff; a permanent refusal stops there, and so
/// does the last of <see cref="MaxAttempts"/>: the delivery is Failed, for the owner to see and retry.
/// </summary>
/// <remarks>
/// The delivery's own attempt count decides which attempt is the last, not Hangfire's retry state: the job needs no
/// <c>PerformContext</c> (the stable <see cref="TenantJobRunner"/> signature stays), no state filter registered in
/// Hangfire's process-wide statics (the project keeps its <c>JobStorage</c> in DI, one per host), and the rule runs
/// the same under the job server as in tests. Hangfire's default policy allows one more run than
/// <see cref="MaxAttempts"/>, so a run that fails before it can record its attempt (the database down) still leaves
/// one for the last attempt to be recorded.
/// </remarks>
public sealed partial class DeliverNotificationJob(
    ISmbAgentDbContext db,
    ITenantStore tenants,
    IEmailSender email,
    ISmsSender sms,
    AdminLinks adminLinks,
    TimeProvider clock,
    ILogger<DeliverNotificationJob> logger) : IBackgroundJob<DeliverNotificationArgs>
{
    /// <summary>Attempts per round: the first run and Hangfire's default retries (10) but the last.</summary>
    public static readonly int MaxAttempts = AutomaticRetryAttribute.DefaultRetryAttempts;

    public async Task ExecuteAsync(DeliverNotificationArgs args, CancellationToken cancellationToken)
    {
        var delivery = await db.NotificationDeliveries.FirstOrDefaultAsync(d => d.Id == args.DeliveryId, cancellationToken);
        if (delivery is null || delivery.Status != DeliveryStatus.Pending)
        {
            return;
        }

        var business = (await tenants.FindAsync(delivery.TenantId, cancellationToken))?.Name ?? string.Empty;
        try
        {
            string? providerId = null;
            if (delivery.Channel == NotificationChannel.Email)
            {
                await email.SendAsync(await EmailAsync(delivery, business, cancellationToken), cancellationToken);
            }
            else
            {
                providerId = (await sms.SendAsync(delivery.Recipient, await SmsAsync(delivery, business, cancellationToken), cancellationToken)).MessageSid;
            }

            delivery.MarkSent(clock.GetUtcNow(), providerId);
            await db.SaveChangesAsync(cancellationToken);
            LogSent(logger, delivery.Id, delivery.Channel);
        }
        catch (SmsPermanentFailureException e)
        {
            // Retrying can't help (an invalid number, SMS not configured): recorded for the owner to see.
            delivery.MarkAttemptFailed(clock.GetUtcNow(), e.Message, permanent: true);
            await db.SaveChangesAsync(CancellationToken.None);
            LogFailed(logger, delivery.Id, delivery.Channel, delivery.Attempts);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var last = delivery.Attempts + 1 - args.AttemptsBefore >= MaxAttempts;
            delivery.MarkAttemptFailed(clock.GetUtcNow(), e.Message, permanent: last);
            await db.SaveChangesAsync(CancellationToken.None);
            if (last)
            {
                LogGaveUp(logger, delivery.Id, delivery.Channel, delivery.Attempts);
                return;
            }

            LogFailed(logger, delivery.Id, delivery.Channel, delivery.Attempts);
            throw;
        }
    }

    private async Task<EmailMessage> EmailAsync(NotificationDelivery delivery, string business, CancellationToken cancellationToken)
    {
        if (delivery.ConversationId is { } conversationId && delivery.Kind == NotificationKind.HumanRequested)
        {
            var said = await db.ConversationMessages.AsNoTracking()
                .Where(m => m.ConversationId == conversationId && m.Role == MessageRole.Visitor)
                .OrderByDescending(m => m.Sequence)
                .Take(HumanRequestedEmail.QuotedVisitorMessages)
                .Select(m => m.Text)
                .ToListAsync(cancellationToken);
            said.Reverse();
            return HumanRequestedEmail.Create(delivery.Recipient, business, said, adminLinks.Conversation(conversationId));
        }

        var lead = await LeadAsync(delivery, cancellationToken);
        return delivery.Kind == NotificationKind.VisitorConfirmation
            ? await VisitorConfirmationAsync(delivery.Recipient, business, lead, cancellationToken)
            : NewLeadEmail.Create(delivery.Recipient, business, lead);
    }

    private async Task<string> SmsAsync(NotificationDelivery delivery, string business, CancellationToken cancellationToken) =>
        delivery.ConversationId is { } conversationId && delivery.Kind == NotificationKind.HumanRequested
            ? HumanRequestedSms.Create(business, adminLinks.Conversation(conversationId))
            : NewLeadSms.Create(business, await LeadAsync(delivery, cancellationToken));

    private Task<Lead> LeadAsync(NotificationDelivery delivery, CancellationToken cancellationToken) =>
        db.Leads.AsNoTracking().FirstAsync(l => l.Id == delivery.LeadId, cancellationToken);

    private async Task<EmailMessage> VisitorConfirmationAsync(string to, string business, Lead lead, CancellationToken cancellationToken)
    {
        var language = await db.Conversations.AsNoTracking()
            .Where(c => c.Id == lead.ConversationId)
            .Select(c => c.Language)
            .FirstOrDefaultAsync(cancellationToken);
        var phone = await db.BusinessProfiles.AsNoTracking().Select(p => p.Phone).FirstOrDefaultAsync(cancellationToken);
        return VisitorConfirmationEmail.Create(to, language ?? "en", business, lead.ContactName, phone, lead.Priority == LeadPriority.Urgent);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Notification {DeliveryId} sent by {Channel}")]
    private static partial void LogSent(ILogger logger, Guid deliveryId, NotificationChannel channel);

    [LoggerMessage(Level = LogLevel.Error, Message = "Notification {DeliveryId} by {Channel} failed for good after {Attempts} attempts")]
    private static partial void LogGaveUp(ILogger logger, Guid deliveryId, NotificationChannel channel, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification {DeliveryId} by {Channel} failed (attempt {Attempts})")]
    private static partial void LogFailed(ILogger logger, Guid deliveryId, NotificationChannel channel, int attempts);
}
