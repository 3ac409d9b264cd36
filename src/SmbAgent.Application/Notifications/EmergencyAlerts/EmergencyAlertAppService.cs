using Microsoft.EntityFrameworkCore;
using SmbAgent.Data;

namespace SmbAgent.Notifications.EmergencyAlerts;

/// <summary>A lead's owner call as the team sees it on the lead page, and its acknowledgement from the admin.</summary>
public sealed class EmergencyAlertAppService(ISmbAgentDbContext db, EmergencyAlertManager alerts)
{
    public const string AdminChannel = "admin";

    /// <summary>Null when the lead isn't urgent (it has no alert).</summary>
    public async Task<EmergencyAlertDto?> FindForLeadAsync(Guid leadId, CancellationToken cancellationToken = default)
    {
        var alert = await db.EmergencyAlerts.AsNoTracking().FirstOrDefaultAsync(a => a.LeadId == leadId, cancellationToken);
        if (alert is null)
        {
            return null;
        }

        var attempts = await db.EmergencyAlertAttempts.AsNoTracking()
            .Where(a => a.AlertId == alert.Id)
            .OrderBy(a => a.Round).ThenBy(a => a.ContactIndex)
            .ToListAsync(cancellationToken);
        var profile = await db.BusinessProfiles.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        var names = EmergencyAlertManager.Ladder(profile)
            .Where(c => !string.IsNullOrWhiteSpace(c.Name))
            .GroupBy(c => c.Value)
            .ToDictionary(g => g.Key, g => g.First().Name);
        return new EmergencyAlertDto(
            alert.Id, alert.State, alert.Round, alert.AcknowledgedBy, alert.AcknowledgedChannel, alert.AcknowledgedTime,
            [.. attempts.Select(a => new EmergencyAlertAttemptDto(
                a.CreationTime, a.Round, a.Recipient, names.GetValueOrDefault(a.Recipient), a.Status, a.Error, a.AnsweredTime))]);
    }

    /// <summary>A team member acknowledges from the lead page: the ladder stops. False when there was nothing to acknowledge.</summary>
    public async Task<bool> AcknowledgeAsync(Guid leadId, string by, CancellationToken cancellationToken = default)
    {
        for (var tries = 0; tries < 3; tries++)
        {
            var alert = await db.EmergencyAlerts.FirstOrDefaultAsync(a => a.LeadId == leadId, cancellationToken)
                        ?? throw new EntityNotFoundException(nameof(EmergencyAlert), leadId);
            if (alert.State is not (EmergencyAlertState.Calling or EmergencyAlertState.Exhausted))
            {
                return false;
            }

            if (await alerts.AcknowledgeAsync(alert, by, AdminChannel, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }
}
