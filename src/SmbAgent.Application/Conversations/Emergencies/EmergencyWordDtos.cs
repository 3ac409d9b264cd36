namespace SmbAgent.Conversations.Emergencies;

public sealed record EmergencyWordDto(Guid Id, string Phrase, LeadPriority Level);

public sealed record CreateEmergencyWordDto
{
    public string Phrase { get; init; } = string.Empty;

    /// <summary>Urgent or High raise a turn; Normal marks the phrase as harmless for this business.</summary>
    public LeadPriority Level { get; init; } = LeadPriority.Urgent;
}
