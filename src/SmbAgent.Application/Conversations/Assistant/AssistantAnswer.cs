using SmbAgent.KnowledgeBase.Search;

namespace SmbAgent.Conversations.Assistant;

public enum AssistantAnswerKind
{
    /// <summary><see cref="AssistantAnswer.Text"/> answers the question from <see cref="AssistantAnswer.Sources"/>.</summary>
    Answered = 0,

    /// <summary>The passages don't answer the question: the engine says it doesn't know.</summary>
    NotInPassages = 1,

    /// <summary>The model's output was blocked (it showed its instructions): the engine sends the fixed refusal.</summary>
    Blocked = 2,
}

/// <param name="Sources">The passages the text draws on, each cited once.</param>
public sealed record AssistantAnswer(AssistantAnswerKind Kind, string Text, IReadOnlyList<KnowledgePassage> Sources)
{
    public static readonly AssistantAnswer NotInPassages = new(AssistantAnswerKind.NotInPassages, string.Empty, []);

    public static readonly AssistantAnswer Blocked = new(AssistantAnswerKind.Blocked, string.Empty, []);

    public static AssistantAnswer Answered(string text, IReadOnlyList<KnowledgePassage> sources) => new(AssistantAnswerKind.Answered, text, sources);
}
