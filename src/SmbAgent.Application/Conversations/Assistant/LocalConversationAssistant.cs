using SmbAgent.KnowledgeBase.Search;

namespace SmbAgent.Conversations.Assistant;

/// <summary>
/// The deterministic provider, used without a model and whenever a model call fails: the phrase rules for intents
/// and an extractive answer that quotes the best passage as written.
/// </summary>
public sealed class LocalConversationAssistant : IConversationAssistant
{
    public Task<VisitorIntent> ClassifyAsync(string text, string language, CancellationToken cancellationToken) =>
        Task.FromResult(Classify(text));

    public Task<AssistantAnswer> AnswerAsync(string question, IReadOnlyList<KnowledgePassage> passages, string language, CancellationToken cancellationToken) =>
        Task.FromResult(Answer(passages));

    public static VisitorIntent Classify(string text) =>
        InstructionAttempts.Contains(text) ? VisitorIntent.ChangeInstructions : VisitorIntents.Detect(text);

    public static AssistantAnswer Answer(IReadOnlyList<KnowledgePassage> passages) =>
        passages.Count == 0 ? AssistantAnswer.NotInPassages : AssistantAnswer.Answered(Extract(passages[0]), [passages[0]]);

    /// <summary>The passage without its heading line, which repeats the citation.</summary>
    private static string Extract(KnowledgePassage passage)
    {
        var text = passage.Text.Trim();
        var body = text.StartsWith(passage.Citation, StringComparison.Ordinal) ? text[passage.Citation.Length..].TrimStart('\n', '\r', ' ', '#') : text;
        return body.Length > 0 ? body : text;
    }
}
