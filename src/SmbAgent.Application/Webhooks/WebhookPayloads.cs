using SmbAgent.Conversations;
using SmbAgent.Leads;
using SmbAgent.Voice;

namespace SmbAgent.Webhooks;

/// <summary>The <c>data</c> of each event: what a receiver needs about the record, never the tenant it belongs to.</summary>
public static class WebhookPayloads
{
    public sealed record LeadAnswer(string Question, string? Answer);

    public sealed record LeadData(
        Guid Id,
        Guid ConversationId,
        ConversationChannel Channel,
        LeadStatus Status,
        LeadPriority Priority,
        string? ContactName,
        string? Email,
        string? Phone,
        string? Address,
        string? Notes,
        IReadOnlyList<LeadAnswer> Answers,
        DateTimeOffset CreatedAt,
        DateTimeOffset? UpdatedAt);

    public sealed record ConversationData(
        Guid Id,
        ConversationChannel Channel,
        string Language,
        LeadPriority Priority,
        bool IsEmergency,
        Guid? LeadId,
        DateTimeOffset StartedAt,
        DateTimeOffset LastActivityAt);

    public sealed record CallData(
        Guid Id,
        string CallSid,
        CallDirection Direction,
        string From,
        string To,
        string Status,
        int? DurationSeconds,
        DateTimeOffset? StartedAt,
        DateTimeOffset? EndedAt,
        Guid? ConversationId,
        Guid? LeadId);

    public static LeadData Lead(Lead lead) => new(
        lead.Id,
        lead.ConversationId,
        lead.Channel,
        lead.Status,
        lead.Priority,
        lead.ContactName,
        lead.Email,
        lead.Phone,
        lead.Address,
        lead.Notes,
        [.. lead.Answers.Select(a => new LeadAnswer(a.Question, a.Value))],
        lead.CreationTime,
        lead.LastModificationTime);

    public static ConversationData Conversation(Conversation conversation) => new(
        conversation.Id,
        conversation.Channel,
        conversation.Language,
        conversation.Priority,
        conversation.IsEmergency,
        conversation.LeadId,
        conversation.CreationTime,
        conversation.LastActivityTime);

    public static CallData Call(CallLog call) => new(
        call.Id,
        call.CallSid,
        call.Direction,
        call.From,
        call.To,
        call.Status,
        call.DurationSeconds,
        call.StartTime,
        call.EndTime,
        call.ConversationId,
        call.LeadId);
}
