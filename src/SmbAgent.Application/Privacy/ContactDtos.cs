using SmbAgent.Conversations;
using SmbAgent.Leads;
using SmbAgent.Notifications;
using SmbAgent.Voice;

namespace SmbAgent.Privacy;

/// <summary>Who to look for: an email address, a phone number (as typed; read in the business's country), or both.</summary>
public sealed record ContactLookup(string? Email, string? Phone);

/// <summary>Everything the business holds about one contact, as the JSON download gives it.</summary>
public sealed record ContactExportDto(
    string? Email,
    string? Phone,
    DateTimeOffset ExportedAt,
    IReadOnlyList<ContactLeadDto> Leads,
    IReadOnlyList<ContactConversationDto> Conversations,
    IReadOnlyList<ContactCallDto> Calls,
    IReadOnlyList<ContactDeliveryDto> NotificationDeliveries)
{
    public bool IsEmpty => Leads.Count == 0 && Conversations.Count == 0 && Calls.Count == 0 && NotificationDeliveries.Count == 0;
}

public sealed record ContactLeadDto(
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
    string? OwnerNotes,
    IReadOnlyList<CollectedAnswer> Answers,
    DateTimeOffset CreationTime);

public sealed record ContactConversationDto(
    Guid Id,
    ConversationChannel Channel,
    string Language,
    ConversationState State,
    string? Visitor,
    Guid? LeadId,
    DateTimeOffset CreationTime,
    DateTimeOffset LastActivityTime,
    IReadOnlyList<ContactMessageDto> Messages);

public sealed record ContactMessageDto(int Sequence, MessageRole Role, string Text, DateTimeOffset CreationTime);

public sealed record ContactCallDto(
    Guid Id,
    string CallSid,
    CallDirection Direction,
    string From,
    string To,
    string Status,
    DateTimeOffset? StartTime,
    int? DurationSeconds,
    string? RecordingUrl,
    string? Transcript,
    Guid? ConversationId,
    Guid? LeadId,
    DateTimeOffset CreationTime);

public sealed record ContactDeliveryDto(
    Guid Id,
    Guid? LeadId,
    Guid? ConversationId,
    NotificationKind Kind,
    NotificationChannel Channel,
    string Recipient,
    DeliveryStatus Status,
    DateTimeOffset CreationTime,
    DateTimeOffset? SentTime);

/// <summary>How much an erasure removed: counts only, which is also all the audit log keeps.</summary>
public sealed record ContactErasureResult(int Leads, int Conversations, int Messages, int Calls, int NotificationDeliveries)
{
    public bool IsEmpty => Leads + Conversations + Messages + Calls + NotificationDeliveries == 0;
}
