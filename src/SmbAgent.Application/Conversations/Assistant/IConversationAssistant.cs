using SmbAgent.KnowledgeBase.Search;

namespace SmbAgent.Conversations.Assistant;

/// <summary>
/// What the language model may do for the engine: read what a visitor means and word an answer from retrieved
/// passages. It decides nothing: the engine's rules take lead capture, emergencies, quotas and hand-offs, and the
/// assistant has no tools, so it can neither send anything nor choose a recipient.
/// </summary>
public interface IConversationAssistant
{
    Task<VisitorReading> ReadAsync(string text, string language, CancellationToken cancellationToken);

    /// <param name="passages">Best first; the engine only asks when the best one passed the relevance threshold.</param>
    Task<AssistantAnswer> AnswerAsync(string question, IReadOnlyList<KnowledgePassage> passages, string language, CancellationToken cancellationToken);
}
