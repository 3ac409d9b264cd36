using SmbAgent.Conversations;
using SmbAgent.HostAdmin;
using SmbAgent.Notifications;

namespace SmbAgent.Leads;

/// <param name="CreationTime">In the business's time zone.</param>
public sealed record LeadListItemDto(
    Guid Id,
    DateTimeOffset CreationTime,
    LeadStatus Status,
    LeadPriority Priority,
    ConversationChannel Channel,
    string? ContactName,
    string? Email,
    string? Phone);

/// <param name="TimeZone">The business's IANA time zone, in which the times are given.</param>
public sealed record LeadListDto(PagedResult<LeadListItemDto> Leads, string TimeZone);

/// <summary>A lead with every answer as it was given; times in the business's time zone.</summary>
public sealed record LeadDto(
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
    IReadOnlyList<CollectedAnswer> Answers,
    string? OwnerNotes,
    DateTimeOffset CreationTime,
    DateTimeOffset? LastModificationTime);

/// <summary>One message about a lead or a conversation (to the owner or the visitor) and how its delivery went.</summary>
public sealed record NotificationDeliveryDto(
    Guid Id,
    NotificationKind Kind,
    NotificationChannel Channel,
    string Recipient,
    DeliveryStatus Status,
    int Attempts,
    string? LastError,
    DateTimeOffset CreationTime,
    DateTimeOffset? SentTime);

public sealed record LeadDetailsDto(
    LeadDto Lead,
    IReadOnlyList<TranscriptMessageDto> Transcript,
    IReadOnlyList<NotificationDeliveryDto> Deliveries,
    string TimeZone);

/// <summary>What the business changes on a lead as it follows it up; visitor-given fields stay as they were.</summary>
public sealed record UpdateLeadDto
{
    public LeadStatus Status { get; init; }

    public string? OwnerNotes { get; init; }
}
