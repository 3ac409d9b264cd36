using SmbAgent.Conversations;
using SmbAgent.Data;
using SmbAgent.Tenancy;

namespace SmbAgent.Leads;

/// <summary>A visitor or caller who left their details, with every answer they gave and the conversation it came from.</summary>
public sealed class Lead : IMultiTenant, IHasCreationTime
{
    private Lead()
    {
        Answers = [];
    }

    public Lead(Guid id, Guid tenantId, Guid conversationId, ConversationChannel channel, LeadPriority priority)
    {
        Id = id;
        TenantId = tenantId;
        ConversationId = conversationId;
        Channel = channel;
        Priority = priority;
        Answers = [];
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    Guid? IMultiTenant.TenantId => TenantId;

    public Guid ConversationId { get; private set; }

    public ConversationChannel Channel { get; private set; }

    public LeadStatus Status { get; set; }

    public LeadPriority Priority { get; set; }

    public string? ContactName { get; set; }

    public string? Email { get; set; }

    /// <summary>E.164.</summary>
    public string? Phone { get; set; }

    public string? Address { get; set; }

    public string? Notes { get; set; }

    public List<CollectedAnswer> Answers { get; set; }

    /// <summary>The owner's own notes, never shown to the visitor.</summary>
    public string? OwnerNotes { get; set; }

    public DateTimeOffset CreationTime { get; set; }

    public DateTimeOffset? LastModificationTime { get; set; }
}
