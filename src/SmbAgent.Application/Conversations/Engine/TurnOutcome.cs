using SmbAgent.Conversations.Replies;
using SmbAgent.Leads;

namespace SmbAgent.Conversations.Engine;

/// <param name="Lead">The lead the turn completed, to store with the turn; null when none.</param>
/// <param name="HumanRequested">The visitor asked for a person: the team is told.</param>
public sealed record TurnOutcome(IReadOnlyList<AgentReply> Replies, Lead? Lead, bool HumanRequested)
{
    public TurnHints Hints { get; init; } = TurnHints.None;
}
