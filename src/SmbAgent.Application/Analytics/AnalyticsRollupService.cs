using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using SmbAgent.Conversations;
using SmbAgent.Data;
using SmbAgent.KnowledgeBase.Embeddings;
using SmbAgent.Leads;
using SmbAgent.Tenancy;
using SmbAgent.Voice;

namespace SmbAgent.Analytics;

/// <summary>
/// Recomputes the current business's daily roll-ups from the source of truth (conversations, messages, leads, calls),
/// one local day at a time: each day's rows are replaced in one transaction, so a recompute is idempotent and a
/// late message or a status callback that arrives after midnight is counted on the next run.
/// </summary>
public sealed partial class AnalyticsRollupService(
    ISmbAgentDbContext db,
    ICurrentTenant currentTenant,
    EmbeddingModels embeddingModels,
    TimeProvider clock,
    ILogger<AnalyticsRollupService> logger)
{
    /// <summary>A range longer than this is a mistake, not a recompute (a year and its leap day, plus slack).</summary>
    public const int MaxDaysPerRun = 400;

    /// <summary>Unanswered questions embedded per run; the next run takes the rest.</summary>
    public const int MaxEmbeddingsPerRun = 256;

    private const string AnswerKind = """{"kind":"answer"}""";
    private const string NotFoundKind = """{"kind":"notFound"}""";

    /// <summary>Today and yesterday in the business's time zone: what the recurring job keeps fresh.</summary>
    public async Task RecomputeRecentAsync(CancellationToken cancellationToken = default)
    {
        var zone = await BusinessTime.ZoneAsync(db, cancellationToken);
        var today = DateOnly.FromDateTime(BusinessTime.Local(clock.GetUtcNow(), zone).DateTime);
        await RecomputeAsync(today.AddDays(-1), today, cancellationToken);
    }

    /// <summary>Recomputes every local day from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public async Task RecomputeAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var tenantId = currentTenant.Id ?? throw new BusinessException("Tenancy:NoTenant", "Analytics belong to a business.", 403);
        if (to < from || to.DayNumber - from.DayNumber >= MaxDaysPerRun)
        {
            throw new BusinessException("Analytics:InvalidRange", $"Choose a range of 1 to {MaxDaysPerRun} days, the first day first.");
        }

        var zone = await BusinessTime.ZoneAsync(db, cancellationToken);
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            await RecomputeDayAsync(tenantId, day, zone, cancellationToken);
        }

        await EmbedPendingAsync(cancellationToken);
    }

    private async Task RecomputeDayAsync(Guid tenantId, DateOnly day, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var start = BusinessTime.StartOfDay(day, zone);
        var end = BusinessTime.StartOfDay(day.AddDays(1), zone);
        var now = clock.GetUtcNow();

        var conversations = await db.Conversations.AsNoTracking()
            .Where(c => c.CreationTime >= start && c.CreationTime < end && c.Counted)
            .Select(c => new { c.Channel, c.CreationTime, c.State, c.LeadId, c.CurrentQuestionId })
            .ToListAsync(cancellationToken);
        var leads = await db.Leads.AsNoTracking()
            .Where(l => l.CreationTime >= start && l.CreationTime < end)
            .GroupBy(l => l.Channel)
            .Select(g => new { Channel = g.Key, Count = g.Count(), Emergencies = g.Count(l => l.Priority >= LeadPriority.High) })
            .ToListAsync(cancellationToken);
        var turns = await db.ConversationMessages.AsNoTracking()
            .Where(m => m.CreationTime >= start && m.CreationTime < end && m.Role == MessageRole.Agent && m.Reply != null)
            .Where(m => EF.Functions.JsonContains(m.Reply!, AnswerKind) || EF.Functions.JsonContains(m.Reply!, NotFoundKind))
            .Join(db.Conversations, m => m.ConversationId, c => c.Id, (m, c) => new { c.Channel, Answered = EF.Functions.JsonContains(m.Reply!, AnswerKind) })
            .GroupBy(t => new { t.Channel, t.Answered })
            .Select(g => new { g.Key.Channel, g.Key.Answered, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var calls = await db.CallLogs.AsNoTracking()
            .Where(c => c.CreationTime >= start && c.CreationTime < end && c.Direction == CallDirection.Inbound)
            .Select(c => new { c.Status, c.DurationSeconds })
            .ToListAsync(cancellationToken);

        var rollups = Enum.GetValues<ConversationChannel>().Select(channel => new AnalyticsDailyRollup(Guid.CreateVersion7(), tenantId, day, channel)
        {
            Conversations = conversations.Count(c => c.Channel == channel),
            Leads = leads.Where(l => l.Channel == channel).Sum(l => l.Count),
            Emergencies = leads.Where(l => l.Channel == channel).Sum(l => l.Emergencies),
            AnsweredTurns = turns.Where(t => t.Channel == channel && t.Answered).Sum(t => t.Count),
            NotFoundTurns = turns.Where(t => t.Channel == channel && !t.Answered).Sum(t => t.Count),
            Calls = channel == ConversationChannel.Voice ? calls.Count : 0,
            CallSeconds = channel == ConversationChannel.Voice ? calls.Sum(c => c.DurationSeconds ?? 0) : 0,
            ComputedTime = now,
        }).ToList();

        var breakdowns = new List<AnalyticsDailyBreakdown>();
        void Add(AnalyticsDimension dimension, IEnumerable<string> keys) =>
            breakdowns.AddRange(keys.GroupBy(k => k, StringComparer.Ordinal)
                .Select(g => new AnalyticsDailyBreakdown(Guid.CreateVersion7(), tenantId, day, dimension, g.Key, g.Count())));
        Add(AnalyticsDimension.HourOfWeek, conversations.Select(c => HourOfWeek(BusinessTime.Local(c.CreationTime, zone))));

        // Still asking with no lead: the visitor left at that question (today's open chats count until they finish).
        Add(AnalyticsDimension.LeadQuestionDropOff, conversations
            .Where(c => c is { State: ConversationState.LeadCapture, LeadId: null, CurrentQuestionId: not null })
            .Select(c => c.CurrentQuestionId!.Value.ToString()));
        Add(AnalyticsDimension.CallOutcome, calls.Select(c => c.Status));

        var unanswered = await UnansweredAsync(tenantId, day, start, end, cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.AnalyticsDailyRollups.Where(r => r.Day == day).ExecuteDeleteAsync(cancellationToken);
        await db.AnalyticsDailyBreakdowns.Where(b => b.Day == day).ExecuteDeleteAsync(cancellationToken);
        db.AnalyticsDailyRollups.AddRange(rollups);
        db.AnalyticsDailyBreakdowns.AddRange(breakdowns);
        db.UnansweredQuestions.AddRange(unanswered);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>The visitor messages of the day that a "not found" reply answered, not yet copied.</summary>
    private async Task<List<UnansweredQuestion>> UnansweredAsync(Guid tenantId, DateOnly day, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var notFound = await db.ConversationMessages.AsNoTracking()
            .Where(m => m.CreationTime >= start && m.CreationTime < end && m.Role == MessageRole.Agent && m.Reply != null)
            .Where(m => EF.Functions.JsonContains(m.Reply!, NotFoundKind))
            .Select(m => new { m.ConversationId, m.Sequence, m.CreationTime })
            .ToListAsync(cancellationToken);
        if (notFound.Count == 0)
        {
            return [];
        }

        // A turn stamps the visitor's message and its replies with one time, so the question is on the same day.
        var conversationIds = notFound.Select(n => n.ConversationId).Distinct().ToList();
        var asked = await db.ConversationMessages.AsNoTracking()
            .Where(m => conversationIds.Contains(m.ConversationId) && m.Role == MessageRole.Visitor && m.CreationTime >= start && m.CreationTime < end)
            .Join(db.Conversations, m => m.ConversationId, c => c.Id, (m, c) => new { m.Id, m.ConversationId, m.Sequence, m.Text, m.CreationTime, c.Channel })
            .ToListAsync(cancellationToken);
        var found = notFound
            .Select(n => asked.Where(a => a.ConversationId == n.ConversationId && a.Sequence < n.Sequence).MaxBy(a => a.Sequence))
            .Where(a => a is not null)
            .Select(a => a!)
            .DistinctBy(a => a.Id)
            .ToList();
        var ids = found.Select(a => a.Id).ToList();
        var known = await db.UnansweredQuestions.AsNoTracking().Where(q => ids.Contains(q.MessageId)).Select(q => q.MessageId).ToListAsync(cancellationToken);
        return [.. found
            .Where(a => !known.Contains(a.Id) && !string.IsNullOrWhiteSpace(a.Text))
            .Select(a => new UnansweredQuestion(
                Guid.CreateVersion7(), tenantId, a.Id, a.ConversationId, a.Channel,
                a.Text.Length <= UnansweredQuestionConsts.MaxTextLength ? a.Text : a.Text[..UnansweredQuestionConsts.MaxTextLength],
                a.CreationTime, day))];
    }

    /// <summary>
    /// Embeds open questions that have no vector of the current model yet. A provider outage only delays grouping:
    /// the rows wait for the next run and the page shows them ungrouped meanwhile.
    /// </summary>
    private async Task EmbedPendingAsync(CancellationToken cancellationToken)
    {
        var model = embeddingModels.Current.Model;
        var pending = await db.UnansweredQuestions
            .Where(q => q.ResolvedTime == null && (q.EmbeddingModel == null || q.EmbeddingModel != model))
            .OrderByDescending(q => q.AskedTime)
            .Take(MaxEmbeddingsPerRun)
            .ToListAsync(cancellationToken);
        if (pending.Count == 0 || embeddingModels.Find(model) is not { } current)
        {
            return;
        }

        try
        {
            var vectors = await current.Generator.GenerateAsync(pending.Select(q => q.Text), cancellationToken: cancellationToken);
            for (var i = 0; i < pending.Count; i++)
            {
                pending[i].SetEmbedding(vectors[i].Vector.ToArray(), model);
            }

            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogEmbeddingFailed(logger, pending.Count, e);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>0 = Sunday 00:00–01:00, local time.</summary>
    public static string HourOfWeek(DateTimeOffset local) => ((int)local.DayOfWeek * 24 + local.Hour).ToString(System.Globalization.CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Embedding {Count} unanswered questions failed; the next roll-up tries again.")]
    private static partial void LogEmbeddingFailed(ILogger logger, int count, Exception exception);
}
