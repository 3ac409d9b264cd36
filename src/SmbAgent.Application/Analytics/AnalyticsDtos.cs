using SmbAgent.Conversations;

namespace SmbAgent.Analytics;

/// <param name="Level">The plan's analytics level: <c>basic</c> or <c>full</c>.</param>
/// <param name="Full">The PRO sections; null below the full level.</param>
public sealed record AnalyticsReportDto(
    string Level,
    int Days,
    DateOnly From,
    DateOnly To,
    string TimeZone,
    AnalyticsCountsDto Totals,
    IReadOnlyList<AnalyticsChannelDto> ByChannel,
    IReadOnlyList<AnalyticsDayDto> ByDay,
    AnalyticsFullDto? Full);

public sealed record AnalyticsCountsDto(int Conversations, int Leads, int Emergencies, int AnsweredTurns, int NotFoundTurns)
{
    /// <summary>Leads per conversation (0–1); null without conversations.</summary>
    public double? ConversionRate => Conversations == 0 ? null : (double)Leads / Conversations;

    /// <summary>Questions answered from knowledge out of those the knowledge was asked (0–1); null when none were.</summary>
    public double? AnswerRate => AnsweredTurns + NotFoundTurns == 0 ? null : (double)AnsweredTurns / (AnsweredTurns + NotFoundTurns);
}

public sealed record AnalyticsChannelDto(ConversationChannel Channel, AnalyticsCountsDto Counts);

public sealed record AnalyticsDayDto(DateOnly Day, int ChatConversations, int VoiceConversations, int Leads, int Emergencies);

/// <param name="HourOfWeek">168 conversation counts, Sunday 00:00 first, in the business's time.</param>
public sealed record AnalyticsFullDto(
    IReadOnlyList<LeadQuestionDropOffDto> DropOff,
    IReadOnlyList<int> HourOfWeek,
    int Calls,
    double VoiceMinutes,
    IReadOnlyList<CallOutcomeDto> CallsByOutcome,
    int UnansweredGroups);

/// <param name="Question">The question's text now (or as it was, when it was deleted since).</param>
public sealed record LeadQuestionDropOffDto(Guid QuestionId, string Question, int Position, int Count);

public sealed record CallOutcomeDto(string Status, int Count);

/// <summary>Unanswered questions that read alike; <see cref="Question"/> is the most recent one, to prefill the FAQ.</summary>
public sealed record UnansweredGroupDto(IReadOnlyList<Guid> QuestionIds, string Question, int Count, IReadOnlyList<string> Examples, DateTimeOffset LastAsked);

public sealed class TurnIntoFaqDto
{
    public List<Guid> QuestionIds { get; set; } = [];

    public string Question { get; set; } = string.Empty;

    public string Answer { get; set; } = string.Empty;
}
