using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using SmbAgent.Data;
using SmbAgent.Features;
using SmbAgent.Leads;
using SmbAgent.Workspace;

namespace SmbAgent.Notifications;

/// <summary>
/// Writes the deliveries a new lead needs into the same unit of work as the lead (the caller saves both), to the
/// business's own contacts only: nothing a visitor types can choose a recipient. Until the owner lists contacts, the
/// owners' own account addresses get the email, so no lead goes unnoticed. An urgent lead always reaches the owner by
/// email, whatever the edition; SMS goes out where the edition allows it. The visitor's own confirmation goes only to
/// the address they gave as their answer, only when the business turned it on, and at most
/// <see cref="MaxVisitorConfirmationsPerDay"/> times a day per address, so a visitor can't use the chat to mail
/// someone else over and over.
/// </summary>
public sealed class LeadNotificationOutbox(ISmbAgentDbContext db, OwnerContacts owners, IFeatureChecker features, TimeProvider clock)
{
    public const int MaxVisitorConfirmationsPerDay = 3;

    public async Task<List<NotificationDelivery>> AddForNewLeadAsync(Lead lead, BusinessProfile profile, CancellationToken cancellationToken)
    {
        var deliveries = new List<NotificationDelivery>();
        var emailAllowed = lead.Priority == Conversations.LeadPriority.Urgent
                           || await features.IsEnabledAsync(SmbFeatures.Notifications.Email, cancellationToken);
        var smsAllowed = await features.IsEnabledAsync(SmbFeatures.Notifications.Sms, cancellationToken);
        foreach (var contact in await owners.GetAsync(profile, cancellationToken))
        {
            var channel = contact.Kind == ContactKind.Email ? NotificationChannel.Email : NotificationChannel.Sms;
            if (channel == NotificationChannel.Email ? !emailAllowed : !smsAllowed)
            {
                continue;
            }

            deliveries.Add(Add(lead, NotificationKind.NewLead, channel, contact.Value));
        }

        if (await VisitorConfirmationAddressAsync(lead, profile, cancellationToken) is { } visitor)
        {
            deliveries.Add(Add(lead, NotificationKind.VisitorConfirmation, NotificationChannel.Email, visitor));
        }

        return deliveries;
    }

    private NotificationDelivery Add(Lead lead, NotificationKind kind, NotificationChannel channel, string recipient)
    {
        var delivery = new NotificationDelivery(Guid.CreateVersion7(), lead.TenantId, lead.Id, kind, channel, recipient)
        {
            CreationTime = clock.GetUtcNow(),
        };
        db.NotificationDeliveries.Add(delivery);
        return delivery;
    }

    /// <summary>The visitor's address, lower-cased so the daily limit counts it however it was typed; null when no confirmation goes out.</summary>
    private async Task<string?> VisitorConfirmationAddressAsync(Lead lead, BusinessProfile profile, CancellationToken cancellationToken)
    {
        var typed = lead.Email?.Trim();
        if (!profile.SendVisitorConfirmation
            || typed is not { Length: > 0 and <= NotificationConsts.MaxRecipientLength }
            || !MailAddress.TryCreate(typed, out var parsed)
            || parsed.Address != typed
            || !await features.IsEnabledAsync(SmbFeatures.Notifications.Email, cancellationToken))
        {
            return null;
        }

        var address = typed.ToLowerInvariant();
        var since = clock.GetUtcNow().AddDays(-1);
        var recent = await db.NotificationDeliveries.CountAsync(
            d => d.Kind == NotificationKind.VisitorConfirmation && d.Recipient == address && d.CreationTime > since, cancellationToken);
        return recent < MaxVisitorConfirmationsPerDay ? address : null;
    }
}
