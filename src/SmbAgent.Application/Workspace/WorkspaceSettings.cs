using SmbAgent.Conversations.Emergencies;
using SmbAgent.Leads;

namespace SmbAgent.Workspace;

/// <summary>What every conversation turn of a business reads: its profile, its agent, its lead questions in order and its own emergency words.</summary>
/// <param name="Profile">Null until the business has one (the seeder makes it with the tenant).</param>
public sealed record WorkspaceSettings(BusinessProfile? Profile, AgentSettings Agent, IReadOnlyList<LeadQuestion> Questions, IReadOnlyList<OwnerEmergencyWord> EmergencyWords);
