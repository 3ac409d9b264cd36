using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmbAgent.BackgroundJobs;
using SmbAgent.Data;
using SmbAgent.Twilio;

namespace SmbAgent.Notifications.EmergencyAlerts;

/// <summary>
/// Rings one contact of an alert's ladder and schedules the check that moves on when nobody acknowledges in time.
/// The attempt row is written before the call is placed, under a unique (alert, round, contact) index, so a job run
/// twice rings once. A placement that fails is recorded on the attempt and the next contact is rung at once.
/// </summary>
public sealed partial class RingOwnerContactJob(
    ISmbAgentDbContext db,
    OwnerAlertPrompts prompts,
    IOutboundCallPlacer calls,
    EmergencyAlertManager alerts,
    OwnerAlertTokens tokens,
    OwnerAlertLinks links,
    IBackgroundJobManager jobs,
    IOptions<EmergencyAlertOptions> options,
    TimeProvider clock,
    ILogger<RingOwnerContactJob> logger) : IBackgroundJob<RingOwnerContactArgs>
{
    public async Task ExecuteAsync(RingOwnerContactArgs args, CancellationToken cancellationToken)
    {
        var alert = await db.EmergencyAlerts.FirstOrDefaultAsync(a => a.Id == args.AlertId, cancellationToken);
        if (alert is null || alert.State != EmergencyAlertState.Calling || alert.Round != args.Round || alert.ContactIndex != args.ContactIndex)
        {
            return;
        }

        var profile = await db.BusinessProfiles.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        var ladder = EmergencyAlertManager.Ladder(profile);
        if (args.ContactIndex >= ladder.Count)
        {
            // The owner removed contacts since the alert started: the ladder goes on with those left.
            await alerts.MoveOnAsync(alert, cancellationToken);
            return;
        }

        var attempt = new EmergencyAlertAttempt(Guid.CreateVersion7(), alert.TenantId, alert.Id, args.Round, args.ContactIndex, ladder[args.ContactIndex].Value)
        {
            CreationTime = clock.GetUtcNow(),
        };
        db.EmergencyAlertAttempts.Add(attempt);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DuplicateEntryException)
        {
            return;
        }

        var token = tokens.Protect(alert.TenantId, attempt.Id);
        try
        {
            var placed = await calls.PlaceAsync(
                new OutboundCallRequest(alert.TenantId, attempt.Recipient, await prompts.PromptAsync(alert, token, cancellationToken), links.Status(token), options.Value.RingTimeout),
                cancellationToken);
            attempt.CallSid = placed.CallSid is { Length: > 0 } sid ? sid : null;
            attempt.Status = placed.Status;
            await db.SaveChangesAsync(CancellationToken.None);
            jobs.Enqueue(new CheckOwnerAcknowledgementArgs(attempt.Id), options.Value.AcknowledgeTimeout);
            LogRung(logger, alert.Id, attempt.Round, attempt.ContactIndex);
        }
        catch (Exception e) when (e is not OperationCanceledException and not DbUpdateException)
        {
            attempt.Error = e.Message.Length <= NotificationConsts.MaxErrorLength ? e.Message : e.Message[..NotificationConsts.MaxErrorLength];
            LogPlacementFailed(logger, alert.Id, attempt.Round, attempt.ContactIndex);
            await alerts.EscalateAsync(attempt, "failed", CancellationToken.None);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Emergency alert {AlertId}: round {Round}, contact {ContactIndex} rung")]
    private static partial void LogRung(ILogger logger, Guid alertId, int round, int contactIndex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Emergency alert {AlertId}: the call to round {Round}, contact {ContactIndex} could not be placed")]
    private static partial void LogPlacementFailed(ILogger logger, Guid alertId, int round, int contactIndex);
}
