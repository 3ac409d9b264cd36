using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmbAgent.Conversations;
using SmbAgent.Data;
using SmbAgent.Features;
using SmbAgent.KnowledgeBase;
using SmbAgent.KnowledgeBase.Embeddings;
using SmbAgent.Leads;

namespace SmbAgent.Analytics;

/// <summary>
/// The current business's analytics, read from the daily roll-ups only (never from transcripts), gated by the plan's
/// analytics level: basic counts for every plan that has analytics, the full sections and unanswered questions for PRO.
/// Authorization is on the page.
/// </summary>
public sealed class AnalyticsAppService(
    ISmbAgentDbContext db,
    IFeatureChecker features,
    IDataFilter dataFilter,
    EmbeddingModels embeddingModels,
    KnowledgeSourceAppService knowledge,
    IValidator<TurnIntoFaqDto> faqValidator,
    IOptions<AnalyticsOptions> options,
    TimeProvider clock)
{
    public static readonly IReadOnlyList<int> Periods = [7, 30, 90, 365];

    /// <summary>Open questions a page groups at most: the most recent ones.</summary>
    public const int MaxGroupedQuestions = 1000;

    public const int MaxExamplesPerGroup = 5;

    public async Task<string> GetLevelAsync(CancellationToken cancellationToken = default) =>
        await features.GetAsync(SmbFeatures.Analytics.Level, cancellationToken);

    public async Task<AnalyticsReportDto> GetReportAsync(int days, CancellationToken cancellationToken = default)
    {
        var level = await RequireLevelAsync(SmbFeatures.Analytics.Basic, cancellationToken);
        var (from, to, zone) = await PeriodAsync(days, cancellationToken);
        var rollups = await db.AnalyticsDailyRollups.AsNoTracking()
            .Where(r => r.Day >= from && r.Day <= to)
            .Select(r => new { r.Day, r.Channel, r.Conversations, r.Leads, r.Emergencies, r.AnsweredTurns, r.NotFoundTurns, r.Calls, r.CallSeconds })
            .ToListAsync(cancellationToken);

        var byChannel = Enum.GetValues<ConversationChannel>()
            .Select(channel =>
            {
                var rows = rollups.Where(r => r.Channel == channel).ToList();
                return new AnalyticsChannelDto(channel, new AnalyticsCountsDto(
                    rows.Sum(r => r.Conversations), rows.Sum(r => r.Leads), rows.Sum(r => r.Emergencies), rows.Sum(r => r.AnsweredTurns), rows.Sum(r => r.NotFoundTurns)));
            })
            .ToList();
        var totals = new AnalyticsCountsDto(
            byChannel.Sum(c => c.Counts.Conversations), byChannel.Sum(c => c.Counts.Leads), byChannel.Sum(c => c.Counts.Emergencies),
            byChannel.Sum(c => c.Counts.AnsweredTurns), byChannel.Sum(c => c.Counts.NotFoundTurns));
        var perDay = rollups.ToLookup(r => r.Day);
        var byDay = Enumerable.Range(0, days).Select(offset => from.AddDays(offset)).Select(day =>
        {
            var rows = perDay[day].ToList();
            return new AnalyticsDayDto(
                day,
                rows.Where(r => r.Channel == ConversationChannel.Chat).Sum(r => r.Conversations),
                rows.Where(r => r.Channel == ConversationChannel.Voice).Sum(r => r.Conversations),
                rows.Sum(r => r.Leads),
                rows.Sum(r => r.Emergencies));
        }).ToList();

        AnalyticsFullDto? full = null;
        if (level == SmbFeatures.Analytics.Full)
        {
            full = await FullAsync(from, to, rollups.Sum(r => r.Calls), rollups.Sum(r => r.CallSeconds), cancellationToken);
        }

        return new AnalyticsReportDto(level, days, from, to, zone.Id, totals, byChannel, byDay, full);
    }

    /// <summary>Open unanswered questions of the period, greedily grouped by cosine similarity, biggest groups first.</summary>
    public async Task<IReadOnlyList<UnansweredGroupDto>> GetUnansweredGroupsAsync(int days, CancellationToken cancellationToken = default)
    {
        await RequireLevelAsync(SmbFeatures.Analytics.Full, cancellationToken);
        var (from, to, _) = await PeriodAsync(days, cancellationToken);
        var model = embeddingModels.Current.Model;
        var questions = await db.UnansweredQuestions.AsNoTracking()
            .Where(q => q.ResolvedTime == null && q.Day >= from && q.Day <= to)
            .OrderByDescending(q => q.AskedTime)
            .Take(MaxGroupedQuestions)
            .Select(q => new { q.Id, q.Text, q.AskedTime, Embedding = q.EmbeddingModel == model ? q.Embedding : null })
            .ToListAsync(cancellationToken);

        var threshold = options.Value.GroupSimilarity;
        var groups = new List<(float[]? Leader, List<(Guid Id, string Text, DateTimeOffset AskedTime)> Members)>();
        foreach (var question in questions)
        {
            var member = (question.Id, question.Text, question.AskedTime);
            var group = question.Embedding is { } vector
                ? groups.FirstOrDefault(g => g.Leader is { } leader && leader.Length == vector.Length && Cosine(leader, vector) >= threshold)
                : default;
            if (group.Members is not null)
            {
                group.Members.Add(member);
            }
            else
            {
                groups.Add((question.Embedding, [member]));
            }
        }

        return [.. groups
            .OrderByDescending(g => g.Members.Count)
            .ThenByDescending(g => g.Members[0].AskedTime)
            .Select(g => new UnansweredGroupDto(
                [.. g.Members.Select(m => m.Id)],
                g.Members[0].Text,
                g.Members.Count,
                [.. g.Members.Select(m => m.Text).Distinct(StringComparer.OrdinalIgnoreCase).Take(MaxExamplesPerGroup)],
                g.Members[0].AskedTime))];
    }

    /// <summary>
    /// Writes the owner's answer as a FAQ source through the knowledge service (indexed by its usual job) and marks
    /// the group's questions resolved, so it leaves the list and the agent answers it from then on.
    /// </summary>
    public async Task<Guid> TurnIntoFaqAsync(TurnIntoFaqDto input, CancellationToken cancellationToken = default)
    {
        await RequireLevelAsync(SmbFeatures.Analytics.Full, cancellationToken);
        await faqValidator.ValidateAndThrowAsync(input, cancellationToken);
        var questions = await db.UnansweredQuestions.Where(q => input.QuestionIds.Contains(q.Id) && q.ResolvedTime == null).ToListAsync(cancellationToken);
        if (questions.Count == 0)
        {
            throw new BusinessException("Analytics:GroupResolved", "These questions were already answered: reload the page.", 409);
        }

        // Resolved in the knowledge service's own save, so a FAQ is never written without its group leaving the list.
        var now = clock.GetUtcNow();
        foreach (var question in questions)
        {
            question.Resolve(now);
        }

        var language = await db.AgentSettings.AsNoTracking().Select(a => a.Language).FirstOrDefaultAsync(cancellationToken);
        var asked = input.Question.Trim();
        var source = await knowledge.CreateFaqAsync(new CreateFaqSourceDto
        {
            Title = asked.Length <= KnowledgeSourceConsts.MaxTitleLength ? asked : asked[..KnowledgeSourceConsts.MaxTitleLength],
            Language = language is not null && KnowledgeLanguages.TextSearchConfigurations.ContainsKey(language) ? language : KnowledgeLanguages.Default,
            Pairs = [new FaqPairDto { Question = asked, Answer = input.Answer.Trim() }],
        }, cancellationToken);

        foreach (var question in questions)
        {
            question.FaqSourceId = source.Id;
        }

        await db.SaveChangesAsync(cancellationToken);
        return source.Id;
    }

    private async Task<AnalyticsFullDto> FullAsync(DateOnly from, DateOnly to, int calls, int callSeconds, CancellationToken cancellationToken)
    {
        var breakdowns = await db.AnalyticsDailyBreakdowns.AsNoTracking()
            .Where(b => b.Day >= from && b.Day <= to)
            .GroupBy(b => new { b.Dimension, b.Key })
            .Select(g => new { g.Key.Dimension, g.Key.Key, Count = g.Sum(b => b.Count) })
            .ToListAsync(cancellationToken);

        var hours = new int[7 * 24];
        foreach (var hour in breakdowns.Where(b => b.Dimension == AnalyticsDimension.HourOfWeek))
        {
            if (int.TryParse(hour.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < hours.Length)
            {
                hours[index] += hour.Count;
            }
        }

        var dropOff = breakdowns.Where(b => b.Dimension == AnalyticsDimension.LeadQuestionDropOff).ToList();
        var questionIds = dropOff.Select(d => Guid.TryParse(d.Key, out var id) ? id : Guid.Empty).ToList();
        Dictionary<Guid, (string Text, int Position)> questions;
        using (dataFilter.Disable<ISoftDelete>())
        {
            questions = await db.LeadQuestions.AsNoTracking()
                .Where(q => questionIds.Contains(q.Id))
                .ToDictionaryAsync(q => q.Id, q => (q.Text, q.Position), cancellationToken);
        }

        var unanswered = await GetUnansweredGroupsAsync(to.DayNumber - from.DayNumber + 1, cancellationToken);
        return new AnalyticsFullDto(
            [.. dropOff
                .Select(d => (Id: Guid.TryParse(d.Key, out var id) ? id : Guid.Empty, d.Count))
                .Where(d => questions.ContainsKey(d.Id))
                .Select(d => new LeadQuestionDropOffDto(d.Id, questions[d.Id].Text, questions[d.Id].Position, d.Count))
                .OrderBy(d => d.Position)],
            hours,
            calls,
            Math.Round(callSeconds / 60.0, 1),
            [.. breakdowns.Where(b => b.Dimension == AnalyticsDimension.CallOutcome).OrderByDescending(b => b.Count).Select(b => new CallOutcomeDto(b.Key, b.Count))],
            unanswered.Count);
    }

    private static double Cosine(float[] a, float[] b)
    {
        double dot = 0, normA = 0, normB = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
            normA += a[i] * a[i];
            normB += b[i] * b[i];
        }

        return normA == 0 || normB == 0 ? 0 : dot / Math.Sqrt(normA * normB);
    }

    private async Task<string> RequireLevelAsync(string atLeast, CancellationToken cancellationToken)
    {
        var level = await GetLevelAsync(cancellationToken);
        var enough = atLeast == SmbFeatures.Analytics.Basic
            ? level is SmbFeatures.Analytics.Basic or SmbFeatures.Analytics.Full
            : level == SmbFeatures.Analytics.Full;
        return enough ? level : throw new FeatureNotEnabledException(SmbFeatures.Analytics.Level);
    }

    private async Task<(DateOnly From, DateOnly To, TimeZoneInfo Zone)> PeriodAsync(int days, CancellationToken cancellationToken)
    {
        if (!Periods.Contains(days))
        {
            throw new BusinessException("Analytics:InvalidPeriod", "Choose a period of 7, 30, 90 or 365 days.");
        }

        var zone = await BusinessTime.ZoneAsync(db, cancellationToken);
        var today = DateOnly.FromDateTime(BusinessTime.Local(clock.GetUtcNow(), zone).DateTime);
        return (today.AddDays(1 - days), today, zone);
    }
}
