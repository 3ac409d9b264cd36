namespace SmbAgent.Leads;

public sealed record CreateUpdateLeadQuestionDto
{
    public string Text { get; init; } = string.Empty;

    public LeadQuestionFormat Format { get; init; }

    public IReadOnlyList<string> Options { get; init; } = [];

    public bool IsRequired { get; init; }

    public LeadField MapsTo { get; init; }

    public string? CustomFieldName { get; init; }

    public bool IsEssentialForEmergency { get; init; }
}
