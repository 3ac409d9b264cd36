using SmbAgent.Conversations.Emergencies;
using SmbAgent.KnowledgeBase.Search;
using SmbAgent.Workspace;

namespace SmbAgent.Conversations.Assistant;

/// <summary>
/// The deterministic provider, used without a model and whenever a model call fails: the phrase rules for intents
/// and an extractive answer that quotes the best passage as written.
/// </summary>
public sealed class LocalConversationAssistant : IConversationAssistant
{
    public bool CallsRemoteModel => false;

    /// <summary>Only the intent: contact details are taken by the lead questions, whose readers find them in a sentence.</summary>
    public Task<VisitorReading> ReadAsync(string text, string language, CancellationToken cancellationToken) =>
        Task.FromResult(VisitorReading.Of(Classify(text)));

    public Task<AssistantAnswer> AnswerAsync(
        string question, IReadOnlyList<KnowledgePassage> passages, string language, string? persona, CancellationToken cancellationToken) =>
        Task.FromResult(Answer(passages));

    /// <summary>No second opinion: the deterministic check alone decides.</summary>
    public Task<EmergencyOpinion?> JudgeEmergencyAsync(string text, BusinessType business, CancellationToken cancellationToken) =>
        Task.FromResult<EmergencyOpinion?>(null);

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
