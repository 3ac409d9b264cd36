namespace SmbAgent.Conversations.Emergencies;

/// <summary>When a turn's cosine to the nearest labelled example is high enough to count, for one embedding model.</summary>
public sealed record EmergencySimilarityThresholds
{
    /// <summary>Urgent when the nearest urgent example is at least this close (and closer than the nearest high one).</summary>
    public float Urgent { get; init; }

    /// <summary>High when the nearest high example is at least this close.</summary>
    public float High { get; init; }

    /// <summary>Conversation languages the model understands; turns in other languages skip the similarity check.</summary>
    public IReadOnlyList<string> Languages { get; init; } = [];
}
