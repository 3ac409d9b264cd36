using SmbAgent.Conversations;
using SmbAgent.Data;
using SmbAgent.Features;
using SmbAgent.Workspace;

namespace SmbAgent.Notifications;

/// <summary>
/// A visitor asked to talk to a person: the deliveries that tell the team, in the same unit of work as the turn (the
/// caller saves both). Once per request: asking again before someone took over adds nothing, so a visitor repeating
/// "human" can't flood the owner's inbox; after a takeover and a hand-back a new request is news again.
/// </summary>
public sealed class HumanRequestOutbox(ISmbAgentDbContext db, OwnerContacts owners, IFeatureChecker features, TimeProvider clock)
{
    public async Task<List<NotificationDelivery>> AddAsync(Conversation conversation, BusinessProfile profile, CancellationToken cancellationToken)
    {
        if (conversation.HumanRequestedTime is not null || conversation.State == ConversationState.HandOff)
        {
            return [];
        }

        var now = clock.GetUtcNow();
        conversation.HumanRequestedTime = now;
        var emailAllowed = await features.IsEnabledAsync(SmbFeatures.Notifications.Email, cancellationToken);
        var smsAllowed = await features.IsEnabledAsync(SmbFeatures.Notifications.Sms, cancellationToken);
        var deliveries = new List<NotificationDelivery>();
        foreach (var contact in await owners.GetAsync(profile, cancellationToken))
        {
            var channel = contact.Kind == ContactKind.Email ? NotificationChannel.Email : NotificationChannel.Sms;
            if (channel == NotificationChannel.Email ? !emailAllowed : !smsAllowed)
            {
                continue;
            }

            var delivery = NotificationDelivery.ForConversation(
                Guid.CreateVersion7(), conversation.TenantId, conversation.Id, NotificationKind.HumanRequested, channel, contact.Value);
            delivery.CreationTime = now;
            db.NotificationDeliveries.Add(delivery);
            deliveries.Add(delivery);
        }

        return deliveries;
    }
}
