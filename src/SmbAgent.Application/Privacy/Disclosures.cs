using SmbAgent.Workspace;

namespace SmbAgent.Privacy;

/// <summary>What a visitor or caller is told before anything else: the business's AI and recording disclosures, in that order.</summary>
public static class Disclosures
{
    /// <summary>Both texts the owner set, as one passage; null when neither is set.</summary>
    public static string? Of(AgentSettings agent)
    {
        var parts = new[] { agent.AiDisclosure, agent.RecordingDisclosure }.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()).ToList();
        return parts.Count == 0 ? null : string.Join(" ", parts);
    }

    /// <summary><paramref name="greeting"/> preceded by the disclosures, when there are any.</summary>
    public static string BeforeGreeting(AgentSettings agent, string greeting) =>
        Of(agent) is { } disclosure ? $"{disclosure} {greeting}" : greeting;
}
