namespace SmbAgent.Conversations.Emergencies;

public sealed record EmergencyWordDto(Guid Id, string Phrase, LeadPriority Level);

public sealed record CreateEmergencyWordDto
{
    /// <summary>Nullable so a blank form field reaches the validator and gets its message.</summary>
    public string? Phrase { get; init; }

    /// <summary>Urgent or High raise a turn; Normal marks the phrase as harmless for this business.</summary>
    public LeadPriority Level { get; init; } = LeadPriority.Urgent;
}
