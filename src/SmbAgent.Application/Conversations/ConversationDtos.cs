using SmbAgent.HostAdmin;
using SmbAgent.Leads;

namespace SmbAgent.Conversations;

public sealed record ConversationListInput
{
    public const int PageSize = 25;

    public int Page { get; init; } = 1;

    /// <summary>Only the conversations whose visitor asked for a person and nobody has taken over yet.</summary>
    public bool WaitingOnly { get; init; }
}

/// <param name="Preview">The start of the visitor's first message: what the conversation was about.</param>
/// <param name="LeadContactName">The name on the lead the conversation produced, when it did.</param>
/// <param name="WaitingForPerson">The visitor asked for a person and nobody has taken over since.</param>
public sealed record ConversationDto(
    Guid Id,
    ConversationChannel Channel,
    ConversationState State,
    string Language,
    LeadPriority Priority,
    bool IsEmergency,
    int MessageCount,
    string? Preview,
    Guid? LeadId,
    string? LeadContactName,
    DateTimeOffset CreationTime,
    DateTimeOffset LastActivityTime,
    bool WaitingForPerson);

/// <param name="TimeZone">The business's IANA time zone, in which the times are given.</param>
/// <param name="WaitingCount">How many conversations wait for a person, whatever the filter.</param>
public sealed record ConversationListDto(PagedResult<ConversationDto> Conversations, string TimeZone, int WaitingCount);

/// <param name="Deliveries">The notifications about the conversation itself (a visitor asking for a person), not its lead's.</param>
public sealed record ConversationDetailsDto(
    ConversationDto Conversation,
    IReadOnlyList<TranscriptMessageDto> Transcript,
    IReadOnlyList<NotificationDeliveryDto> Deliveries,
    string TimeZone);
