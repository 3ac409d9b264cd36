using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmbAgent.BackgroundJobs;
using SmbAgent.Data;
using SmbAgent.Tenancy;

namespace SmbAgent.Privacy;

/// <summary>
/// The nightly retention: for each business that set a period, deletes what is older — conversations and their
/// messages (by last activity), and call recordings and voicemail transcripts (by the call's start).
/// </summary>
/// <remarks>
/// A lead is the business's record of a customer, not a transcript: it stays, with its answers, and so does the bare
/// conversation row it points to (state and times) while that conversation's messages go. Recordings stay at Twilio
/// under the line's account; what is removed here is the call's link to it and its transcript, so nobody can play or
/// read it through SmbAgent any more. Every delete runs in the business's tenant scope (its filters and row-level
/// security apply) and in batches, never loading rows.
/// </remarks>
public sealed partial class RetentionJob(
    ISmbAgentDbContext db,
    IDataFilter dataFilter,
    ICurrentTenant currentTenant,
    IOptions<PrivacyOptions> options,
    TimeProvider clock,
    ILogger<RetentionJob> logger) : IBackgroundJob<ApplyRetentionArgs>
{
    public async Task ExecuteAsync(ApplyRetentionArgs args, CancellationToken cancellationToken)
    {
        List<RetentionPolicy> policies;
        using (currentTenant.Change(null))
        using (dataFilter.Disable<IMultiTenant>())
        {
            policies = await db.AgentSettings.AsNoTracking()
                .Where(s => s.ConversationRetentionDays > 0 || s.RecordingRetentionDays > 0)
                .Select(s => new RetentionPolicy(s.TenantId, s.ConversationRetentionDays, s.RecordingRetentionDays))
                .ToListAsync(cancellationToken);
        }

        var now = clock.GetUtcNow();
        foreach (var policy in policies)
        {
            using (currentTenant.Change(policy.TenantId))
            {
                var result = await ApplyAsync(policy, now, cancellationToken);
                if (result.Messages + result.Conversations + result.Calls > 0)
                {
                    LogApplied(logger, policy.TenantId, result.Messages, result.Conversations, result.Calls);
                }
            }
        }
    }

    private async Task<RetentionResult> ApplyAsync(RetentionPolicy policy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var batch = Math.Max(1, options.Value.DeleteBatchSize);
        int messages = 0, conversations = 0, calls = 0;
        if (policy.ConversationDays is { } conversationDays and > 0)
        {
            var cutoff = now.AddDays(-conversationDays);
            var old = db.Conversations.Where(c => c.LastActivityTime < cutoff);
            messages = await RepeatAsync(
                () => db.ConversationMessages
                    .Where(m => db.ConversationMessages
                        .Where(x => old.Any(c => c.Id == x.ConversationId))
                        .OrderBy(x => x.Id).Take(batch).Select(x => x.Id)
                        .Contains(m.Id))
                    .ExecuteDeleteAsync(cancellationToken));
            // A conversation a lead points to stays as a bare row (its messages are gone); the others go, with the
            // team's hand-off notifications about them (cascade). Calls keep their log without the link (set null).
            conversations = await RepeatAsync(
                () => db.Conversations
                    .Where(c => old
                        .Where(o => !db.Leads.Any(l => l.ConversationId == o.Id))
                        .OrderBy(o => o.Id).Take(batch).Select(o => o.Id)
                        .Contains(c.Id))
                    .ExecuteDeleteAsync(cancellationToken));
            await db.Conversations
                .Where(c => c.LastActivityTime < cutoff && c.MessageCount != 0)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.MessageCount, 0), cancellationToken);
        }

        if (policy.RecordingDays is { } recordingDays and > 0)
        {
            var cutoff = now.AddDays(-recordingDays);
            calls = await RepeatAsync(
                () => db.CallLogs
                    .Where(c => db.CallLogs
                        .Where(o => o.CreationTime < cutoff && (o.RecordingSid != null || o.RecordingUrl != null || o.Transcript != null))
                        .OrderBy(o => o.Id).Take(batch).Select(o => o.Id)
                        .Contains(c.Id))
                    .ExecuteUpdateAsync(
                        s => s.SetProperty(c => c.RecordingSid, (string?)null)
                            .SetProperty(c => c.RecordingUrl, (string?)null)
                            .SetProperty(c => c.Transcript, (string?)null),
                        cancellationToken));
        }

        return new RetentionResult(messages, conversations, calls);
    }

    /// <summary>Runs one batch statement until it changes nothing; returns the rows changed in all.</summary>
    private static async Task<int> RepeatAsync(Func<Task<int>> statement)
    {
        var total = 0;
        while (await statement() is > 0 and var changed)
        {
            total += changed;
        }

        return total;
    }

    private sealed record RetentionPolicy(Guid TenantId, int? ConversationDays, int? RecordingDays);

    private sealed record RetentionResult(int Messages, int Conversations, int Calls);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention for tenant {TenantId}: deleted {MessageCount} message(s) and {ConversationCount} conversation(s), cleared the recordings of {CallCount} call(s)")]
    private static partial void LogApplied(ILogger logger, Guid tenantId, int messageCount, int conversationCount, int callCount);
}
