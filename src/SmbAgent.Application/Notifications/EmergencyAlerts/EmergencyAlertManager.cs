using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmbAgent.BackgroundJobs;
using SmbAgent.Data;
using SmbAgent.Workspace;

namespace SmbAgent.Notifications.EmergencyAlerts;

/// <summary>
/// Moves an alert down its ladder (the business's phone contacts, in their order, for a configured number of rounds)
/// and acknowledges it. Every move is for one attempt and only while that attempt is the current one, saved over the
/// alert's row version: a timeout, a status callback and a key press arriving together move it once.
/// </summary>
public sealed class EmergencyAlertManager(
    ISmbAgentDbContext db,
    IBackgroundJobManager jobs,
    IOptions<EmergencyAlertOptions> options,
    TimeProvider clock)
{
    /// <summary>Statuses after which the call can no longer be acknowledged: the next contact is rung at once.</summary>
    public static readonly IReadOnlySet<string> Unanswered = new HashSet<string>(StringComparer.Ordinal) { "no-answer", "busy", "failed", "canceled" };

    /// <summary>The phone contacts rung, in the owner's order: only the business's own, never a number a visitor gave.</summary>
    public static IReadOnlyList<NotificationContact> Ladder(BusinessProfile? profile) =>
        profile?.Contacts.Where(c => c.Kind == ContactKind.Phone).ToList() ?? [];

    public static bool IsCurrent(EmergencyAlert alert, EmergencyAlertAttempt attempt) =>
        alert.State == EmergencyAlertState.Calling && alert.Round == attempt.Round && alert.ContactIndex == attempt.ContactIndex;

    /// <summary>
    /// Ends <paramref name="attempt"/> with <paramref name="status"/> and rings the next contact; false (and nothing
    /// changed) when the attempt is no longer the current one, or another move saved first.
    /// </summary>
    public async Task<bool> EscalateAsync(EmergencyAlertAttempt attempt, string status, CancellationToken cancellationToken)
    {
        var alert = await db.EmergencyAlerts.FirstOrDefaultAsync(a => a.Id == attempt.AlertId, cancellationToken);
        if (alert is null || !IsCurrent(alert, attempt))
        {
            return false;
        }

        attempt.Status = status;
        return await MoveOnAsync(alert, cancellationToken);
    }

    /// <summary>Points the alert at the contact after its current one (the next round after the last), or gives it up.</summary>
    public async Task<bool> MoveOnAsync(EmergencyAlert alert, CancellationToken cancellationToken)
    {
        var profile = await db.BusinessProfiles.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        var contacts = Ladder(profile).Count;
        alert.ContactIndex++;
        if (alert.ContactIndex >= contacts)
        {
            alert.ContactIndex = 0;
            alert.Round++;
        }

        if (contacts == 0 || alert.Round > options.Value.Rounds)
        {
            alert.State = EmergencyAlertState.Exhausted;
        }

        if (!await TrySaveAsync(cancellationToken))
        {
            return false;
        }

        if (alert.State == EmergencyAlertState.Calling)
        {
            jobs.Enqueue(new RingOwnerContactArgs(alert.Id, alert.Round, alert.ContactIndex));
        }

        return true;
    }

    /// <summary>
    /// Acknowledges the alert by <paramref name="by"/> through <paramref name="channel"/> (call, connect, admin…);
    /// false when it was already acknowledged. An exhausted alert may still be acknowledged by a late key press.
    /// </summary>
    public async Task<bool> AcknowledgeAsync(EmergencyAlert alert, string by, string channel, CancellationToken cancellationToken)
    {
        if (alert.State is EmergencyAlertState.Acknowledged or EmergencyAlertState.NotCalled)
        {
            return false;
        }

        alert.State = EmergencyAlertState.Acknowledged;
        alert.AcknowledgedBy = by.Length <= NotificationConsts.MaxRecipientLength ? by : by[..NotificationConsts.MaxRecipientLength];
        alert.AcknowledgedChannel = channel;
        alert.AcknowledgedTime = clock.GetUtcNow();
        return await TrySaveAsync(cancellationToken);
    }

    private async Task<bool> TrySaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
