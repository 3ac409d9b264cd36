using Microsoft.EntityFrameworkCore;
using SmbAgent.Data;
using SmbAgent.Tenancy;
using SmbAgent.Usage;
using SmbAgent.Webhooks;

namespace SmbAgent.Voice.Calls;

/// <summary>
/// The record of each call to the current business's number: created when the call comes in, kept up to date by its
/// status callbacks (each status of a call applied once), and its voice minutes added to the month's usage once, when
/// the call ends. The first minute is taken by the call's first turn through the channel's quota; this adds the rest.
/// </summary>
public sealed class CallLogManager(ISmbAgentDbContext db, ICurrentTenant currentTenant, IUsageCounterStore counters, WebhookOutbox webhooks, TimeProvider clock)
{
    /// <summary>Attempts for a save that lost a race with another webhook of the same call (on another instance).</summary>
    private const int MaxAttempts = 3;

    public Task<CallLog?> FindAsync(string callSid, CancellationToken cancellationToken = default) =>
        db.CallLogs.FirstOrDefaultAsync(c => c.CallSid == callSid, cancellationToken);

    /// <summary>The call's record, created on its first webhook; the same record for every later one (and on a retry).</summary>
    public Task<CallLog> StartInboundAsync(string callSid, string from, string to, CancellationToken cancellationToken = default) =>
        EnsureAsync(callSid, from, to, CallStatuses.InProgress, clock.GetUtcNow(), cancellationToken);

    /// <summary>Applies a status callback: once per call and status; the minutes once, at the final status.</summary>
    public async Task<CallStatusOutcome> ApplyStatusAsync(CallStatusUpdate update, CancellationToken cancellationToken = default)
    {
        if (!CallStatuses.IsKnown(update.Status))
        {
            return CallStatusOutcome.Unknown;
        }

        // A callback before (or without) the call's first webhook starts the record; the insert of the status below is
        // then the save's only insert, so a duplicate there can only mean a repeated callback.
        var log = await EnsureAsync(update.CallSid, update.From, update.To, update.Status, null, cancellationToken);
        var entry = db.ChangeTracker.Entries<CallLog>().Single(e => e.Entity == log);
        for (var attempt = 1; ; attempt++)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var applied = new CallStatusEvent(Guid.CreateVersion7(), log.TenantId, update.CallSid, update.Status);
            db.CallStatusEvents.Add(applied);
            await ApplyAsync(log, update, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return CallStatusOutcome.Applied;
            }
            catch (DbUpdateException e) when (e is DuplicateEntryException || (e is DbUpdateConcurrencyException && attempt < MaxAttempts))
            {
                // A repeat changes nothing; a record another webhook of this call saved first is read again and this
                // status applied to it.
                db.ChangeTracker.Entries<CallStatusEvent>().Single(x => x.Entity == applied).State = EntityState.Detached;
                foreach (var queued in db.ChangeTracker.Entries<WebhookDelivery>().Where(x => x.State == EntityState.Added).ToList())
                {
                    queued.State = EntityState.Detached;
                }

                await transaction.RollbackAsync(cancellationToken);
                await entry.ReloadAsync(cancellationToken);
                if (e is DuplicateEntryException)
                {
                    return CallStatusOutcome.Repeat;
                }
            }
        }
    }

    private async Task<CallLog> EnsureAsync(string callSid, string from, string to, string status, DateTimeOffset? startTime, CancellationToken cancellationToken)
    {
        if (await FindAsync(callSid, cancellationToken) is { } existing)
        {
            return existing;
        }

        var log = new CallLog(
            Guid.CreateVersion7(),
            currentTenant.Id ?? throw new InvalidOperationException("A call is recorded for the business it called."),
            callSid,
            CallDirection.Inbound,
            from,
            to,
            status)
        {
            StartTime = startTime,
        };
        db.CallLogs.Add(log);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return log;
        }
        catch (DuplicateEntryException)
        {
            // Another instance took a webhook of the same call at the same moment: its record is the call's.
            db.ChangeTracker.Entries<CallLog>().Single(e => e.Entity == log).State = EntityState.Detached;
            return await FindAsync(callSid, cancellationToken) ?? throw new InvalidOperationException("The call's record was refused as a duplicate and is not there.");
        }
    }

    private async Task ApplyAsync(CallLog log, CallStatusUpdate update, CancellationToken cancellationToken)
    {
        var at = update.Timestamp ?? clock.GetUtcNow();
        if (CallStatuses.IsFinal(log.Status))
        {
            // A late callback of an earlier status: the record keeps the end it already knows.
            return;
        }

        log.Status = update.Status;
        if (update.Status == CallStatuses.InProgress)
        {
            log.StartTime ??= at;
        }

        if (!CallStatuses.IsFinal(update.Status))
        {
            return;
        }

        log.EndTime = at;
        log.DurationSeconds = update.DurationSeconds ?? (log.StartTime is { } start ? (int)Math.Max(0, (at - start).TotalSeconds) : 0);
        if (!log.MinutesCounted)
        {
            var remaining = StartedMinutes(log.DurationSeconds.Value) - await MinutesTakenAsync(log, cancellationToken);
            if (remaining > 0)
            {
                await counters.AddAsync(UsageMetrics.VoiceMinutes, UsageMetrics.MonthOf(at), remaining, cancellationToken);
            }

            log.MinutesCounted = true;
        }

        if (log.Status == CallStatuses.Completed)
        {
            await webhooks.CallCompletedAsync(log, cancellationToken);
        }
    }

    /// <summary>The minute the call's first turn took through the channel's quota (none when it was over the quota).</summary>
    private async Task<long> MinutesTakenAsync(CallLog log, CancellationToken cancellationToken)
    {
        if (log.ConversationId is not { } conversationId)
        {
            return 0;
        }

        var taken = await db.Conversations.AsNoTracking()
            .Where(c => c.Id == conversationId)
            .Select(c => c.Counted && !c.OverQuota)
            .FirstOrDefaultAsync(cancellationToken);
        return taken ? 1 : 0;
    }

    /// <summary>Every started minute counts, as Twilio bills them.</summary>
    public static long StartedMinutes(int durationSeconds) => (durationSeconds + 59) / 60;
}
