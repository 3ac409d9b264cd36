using Microsoft.EntityFrameworkCore;
using SmbAgent.BackgroundJobs;
using SmbAgent.Data;

namespace SmbAgent.Notifications.EmergencyAlerts;

public sealed class CheckOwnerAcknowledgementJob(ISmbAgentDbContext db, EmergencyAlertManager alerts) : IBackgroundJob<CheckOwnerAcknowledgementArgs>
{
    public const string TimedOut = "timed-out";

    public async Task ExecuteAsync(CheckOwnerAcknowledgementArgs args, CancellationToken cancellationToken)
    {
        if (await db.EmergencyAlertAttempts.FirstOrDefaultAsync(a => a.Id == args.AttemptId, cancellationToken) is { } attempt)
        {
            await alerts.EscalateAsync(attempt, TimedOut, cancellationToken);
        }
    }
}
