using SmbAgent.Data;
using SmbAgent.Features;
using SmbAgent.Leads;
using SmbAgent.Workspace;

namespace SmbAgent.Notifications;

/// <summary>
/// Writes the deliveries a new lead needs into the same unit of work as the lead (the caller saves both), to the
/// business's own contacts only: nothing a visitor types can choose a recipient. Until the owner lists contacts, the
/// owners' own account addresses get the email, so no lead goes unnoticed. An urgent lead always reaches the owner by
/// email, whatever the edition; SMS goes out where the edition allows it.
/// </summary>
public sealed class LeadNotificationOutbox(ISmbAgentDbContext db, OwnerContacts owners, IFeatureChecker features, TimeProvider clock)
{
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

            var delivery = new NotificationDelivery(Guid.CreateVersion7(), lead.TenantId, lead.Id, NotificationKind.NewLead, channel, contact.Value)
            {
                CreationTime = clock.GetUtcNow(),
            };
            db.NotificationDeliveries.Add(delivery);
            deliveries.Add(delivery);
        }

        return deliveries;
    }
}
