using SmbAgent.Conversations.Emergencies;
using SmbAgent.Leads;
using SmbAgent.Workspace;

namespace SmbAgent.Conversations.Engine;

/// <summary>What the engine knows of the business for one turn, read once by the caller.</summary>
/// <param name="OverQuota">The monthly conversation quota is used up: only an emergency is still handled.</param>
public sealed record TurnSettings(
    BusinessProfile Profile,
    AgentSettings Agent,
    IReadOnlyList<LeadQuestion> Questions,
    DateTimeOffset Now,
    bool OverQuota = false)
{
    /// <summary>The business's own emergency words, matched with the built-in lexicon.</summary>
    public IReadOnlyList<OwnerEmergencyWord> EmergencyWords { get; init; } = [];
}
