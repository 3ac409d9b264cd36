using SmbAgent.Conversations;
using SmbAgent.Data;
using SmbAgent.Features;
using SmbAgent.Leads;
using SmbAgent.Workspace;

namespace SmbAgent.Notifications.EmergencyAlerts;

/// <summary>
/// Writes an urgent lead's owner call into the same unit of work as the lead (the caller saves both, then queues
/// <see cref="RingOwnerContactArgs"/> for a Calling alert). Without the plan's owner call or a phone contact the alert
/// is recorded as NotCalled: the lead's email and SMS carry it alone.
/// </summary>
public sealed class EmergencyAlertOutbox(ISmbAgentDbContext db, IFeatureChecker features, TimeProvider clock)
{
    /// <summary>The alert to ring, or null when none is needed or it is NotCalled.</summary>
    public async Task<EmergencyAlert?> AddForNewLeadAsync(Lead lead, BusinessProfile profile, CancellationToken cancellationToken)
    {
        if (lead.Priority != LeadPriority.Urgent)
        {
            return null;
        }

        var alert = new EmergencyAlert(Guid.CreateVersion7(), lead.TenantId, lead.Id) { CreationTime = clock.GetUtcNow() };
        var calls = EmergencyAlertManager.Ladder(profile).Count > 0
                    && await features.IsEnabledAsync(SmbFeatures.Voice.EmergencyOwnerCall, cancellationToken);
        alert.State = calls ? EmergencyAlertState.Calling : EmergencyAlertState.NotCalled;
        db.EmergencyAlerts.Add(alert);
        return calls ? alert : null;
    }

    public static RingOwnerContactArgs FirstRing(EmergencyAlert alert) => new(alert.Id, alert.Round, alert.ContactIndex);
}
