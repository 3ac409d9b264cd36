using SmbAgent.Conversations.Emergencies;
using SmbAgent.KnowledgeBase.Search;
using SmbAgent.Workspace;

namespace SmbAgent.Conversations.Assistant;

/// <summary>
/// What the language model may do for the engine: read what a visitor means, word an answer from retrieved
/// passages and give a second opinion on a turn the emergency check flagged. It decides nothing: the engine's rules
/// take lead capture, emergencies, quotas and hand-offs, and the assistant has no tools, so it can neither send
/// anything nor choose a recipient.
/// </summary>
public interface IConversationAssistant
{
    /// <summary>
    /// Its calls leave the machine and may take seconds: a phone call then answers within its time budget
    /// (<see cref="Voice.CallTurnBudget"/>) rather than wait on the turn.
    /// </summary>
    bool CallsRemoteModel { get; }

    Task<VisitorReading> ReadAsync(string text, string language, CancellationToken cancellationToken);

    /// <param name="passages">Best first; the engine only asks when the best one passed the relevance threshold.</param>
    /// <param name="persona">The owner's words on the agent's tone; never more than tone.</param>
    Task<AssistantAnswer> AnswerAsync(
        string question, IReadOnlyList<KnowledgePassage> passages, string language, string? persona, CancellationToken cancellationToken);

    /// <summary>How urgent the turn is for this kind of business; <see cref="EmergencyConfirmation"/> decides what that changes.</summary>
    /// <returns>Null when there is no opinion: no model, or it failed, ran out of time or answered outside the schema.</returns>
    Task<EmergencyOpinion?> JudgeEmergencyAsync(string text, BusinessType business, CancellationToken cancellationToken);
}
