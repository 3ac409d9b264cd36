using Microsoft.EntityFrameworkCore;
using SmbAgent.Data;
using SmbAgent.Tenancy;

namespace SmbAgent.Notifications.EmergencyAlerts;

/// <summary>
/// What the alert call's webhooks do once their signature was checked. The business comes from the token in the URL,
/// which we protected; a token that doesn't unprotect, or names no attempt, answers null (a 404), never another
/// business's data.
/// </summary>
public sealed class OwnerAlertCallbackAppService(
    ISmbAgentDbContext db,
    ICurrentTenant currentTenant,
    OwnerAlertTokens tokens,
    OwnerAlertPrompts prompts,
    EmergencyAlertManager alerts,
    TimeProvider clock)
{
    public const string Acknowledge = "1";

    public const string Connect = "2";

    /// <summary>The statuses Twilio reports for a call; anything else in the form is ignored.</summary>
    public static readonly IReadOnlySet<string> CallStatuses = new HashSet<string>(StringComparer.Ordinal)
    {
        "queued", "initiated", "ringing", "in-progress", "completed", "busy", "failed", "no-answer", "canceled",
    };

    /// <summary>Statuses after which an attempt's record says all there is: a later callback doesn't replace them.</summary>
    private static readonly HashSet<string> Final = new(StringComparer.Ordinal)
    {
        "acknowledged", "connected", CheckOwnerAcknowledgementJob.TimedOut, HungUp, "completed", "busy", "failed", "no-answer", "canceled",
    };

    /// <summary>An answered alert call that ended without a key: whoever picked up (or their voicemail) didn't take it on.</summary>
    public const string HungUp = "hung-up";

    /// <summary>The prompt, for a call placed with the answer URL rather than inline TwiML.</summary>
    public Task<string?> AnswerAsync(string? token, CancellationToken cancellationToken = default) =>
        InAttemptAsync(token, async (attempt, alert) => await prompts.PromptAsync(alert, token!, cancellationToken), cancellationToken);

    /// <summary>The key the owner pressed: 1 acknowledges, 2 acknowledges and connects them to the visitor, anything else hears the prompt once more.</summary>
    public Task<string?> ChoiceAsync(string? token, string? digits, bool again, CancellationToken cancellationToken = default) =>
        InAttemptAsync(token, async (attempt, alert) =>
        {
            var language = await prompts.LanguageAsync(cancellationToken);
            var lead = await prompts.LeadAsync(alert, cancellationToken);
            switch (digits?.Trim())
            {
                case Acknowledge:
                    await AcknowledgeAsync(attempt, alert, "acknowledged", "call", cancellationToken);
                    return OwnerAlertTwiml.Acknowledged(language);
                case Connect when lead.Phone is { Length: > 0 } phone:
                    await AcknowledgeAsync(attempt, alert, "connected", "connect", cancellationToken);
                    return OwnerAlertTwiml.Connect(language, phone);
                default:
                    return again ? OwnerAlertTwiml.Goodbye(language) : await prompts.PromptAsync(alert, token!, cancellationToken, again: true);
            }
        }, cancellationToken);

    /// <summary>A status callback: recorded once per status; a call that can no longer be acknowledged rings the next contact at once.</summary>
    public async Task<bool> StatusAsync(string? token, string? callStatus, CancellationToken cancellationToken = default) =>
        await InAttemptAsync(token, async (attempt, alert) =>
        {
            if (callStatus is null || !CallStatuses.Contains(callStatus) || attempt.Status == callStatus || Final.Contains(attempt.Status))
            {
                return string.Empty;
            }

            if (EmergencyAlertManager.Unanswered.Contains(callStatus) && await alerts.EscalateAsync(attempt, callStatus, cancellationToken))
            {
                return string.Empty;
            }

            // Acknowledged or connected calls never get here (their status is final): this one ended with no key pressed,
            // so the next contact is rung now rather than after the acknowledge timeout.
            if (callStatus == "completed" && await alerts.EscalateAsync(attempt, HungUp, cancellationToken))
            {
                return string.Empty;
            }

            attempt.Status = callStatus;
            if (callStatus == "in-progress")
            {
                attempt.AnsweredTime ??= clock.GetUtcNow();
            }

            await db.SaveChangesAsync(cancellationToken);
            return string.Empty;
        }, cancellationToken) is not null;

    /// <summary>
    /// Acknowledges whatever the alert's state: a press of 1 is an acknowledgement even when the ladder already moved
    /// on. A concurrent move (a timeout, a status callback) loses to it: the alert is read again and acknowledged.
    /// </summary>
    private async Task AcknowledgeAsync(EmergencyAlertAttempt attempt, EmergencyAlert alert, string status, string channel, CancellationToken cancellationToken)
    {
        var attemptId = attempt.Id;
        for (var tries = 0; tries < 3; tries++)
        {
            if (alert.State == EmergencyAlertState.Acknowledged)
            {
                return;
            }

            var profile = await db.BusinessProfiles.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
            var contact = EmergencyAlertManager.Ladder(profile).FirstOrDefault(c => c.Value == attempt.Recipient);
            attempt.Status = status;
            attempt.AnsweredTime ??= clock.GetUtcNow();
            if (await alerts.AcknowledgeAsync(alert, string.IsNullOrWhiteSpace(contact?.Name) ? attempt.Recipient : contact.Name, channel, cancellationToken))
            {
                return;
            }

            attempt = await db.EmergencyAlertAttempts.FirstAsync(a => a.Id == attemptId, cancellationToken);
            alert = await db.EmergencyAlerts.FirstAsync(a => a.Id == attempt.AlertId, cancellationToken);
        }
    }

    private async Task<string?> InAttemptAsync(string? token, Func<EmergencyAlertAttempt, EmergencyAlert, Task<string>> action, CancellationToken cancellationToken)
    {
        if (tokens.Unprotect(token) is not { } signed)
        {
            return null;
        }

        using (currentTenant.Change(signed.TenantId))
        {
            var attempt = await db.EmergencyAlertAttempts.FirstOrDefaultAsync(a => a.Id == signed.AttemptId, cancellationToken);
            if (attempt is null)
            {
                return null;
            }

            var alert = await db.EmergencyAlerts.FirstAsync(a => a.Id == attempt.AlertId, cancellationToken);
            return await action(attempt, alert);
        }
    }
}
