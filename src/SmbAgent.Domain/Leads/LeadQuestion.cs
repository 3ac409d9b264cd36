using SmbAgent.Data;
using SmbAgent.Tenancy;

namespace SmbAgent.Leads;

/// <summary>One of the owner's questions the agent asks to capture a lead.</summary>
public sealed class LeadQuestion : IMultiTenant, ISoftDelete, IHasCreationTime
{
    private LeadQuestion()
    {
        Text = string.Empty;
        Options = [];
    }

    public LeadQuestion(Guid id, Guid tenantId, string text, LeadQuestionFormat format, int position)
    {
        Id = id;
        TenantId = tenantId;
        Text = text;
        Format = format;
        Position = position;
        Options = [];
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    Guid? IMultiTenant.TenantId => TenantId;

    public string Text { get; set; }

    public LeadQuestionFormat Format { get; set; }

    public List<string> Options { get; set; }

    public bool IsRequired { get; set; }

    public LeadField MapsTo { get; set; }

    public string? CustomFieldName { get; set; }

    public bool IsEssentialForEmergency { get; set; }

    public int Position { get; set; }

    public bool IsDeleted { get; set; }

    public DateTimeOffset? DeletionTime { get; set; }

    public DateTimeOffset CreationTime { get; set; }
}
