namespace SmbAgent.Leads;

public sealed record LeadQuestionDto(
    Guid Id,
    string Text,
    LeadQuestionFormat Format,
    IReadOnlyList<string> Options,
    bool IsRequired,
    LeadField MapsTo,
    string? CustomFieldName,
    bool IsEssentialForEmergency,
    int Position);
