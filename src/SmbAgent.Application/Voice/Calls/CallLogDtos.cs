using SmbAgent.Conversations;
using SmbAgent.HostAdmin;

namespace SmbAgent.Voice.Calls;

public sealed record CallLogListInput
{
    public const int PageSize = 25;

    public int Page { get; init; } = 1;

    public CallDirection? Direction { get; init; }

    /// <summary>One of Twilio's call statuses; anything else matches nothing.</summary>
    public string? Status { get; init; }
}

/// <summary>Times in the business's time zone.</summary>
public sealed record CallLogDto(
    Guid Id,
    CallDirection Direction,
    string From,
    string To,
    string Status,
    DateTimeOffset? StartTime,
    int? DurationSeconds,
    bool HasRecording,
    Guid? ConversationId,
    Guid? LeadId,
    string? LeadContactName,
    DateTimeOffset CreationTime);

public sealed record CallLogListDto(PagedResult<CallLogDto> Calls, string TimeZone);

/// <param name="Voicemail">The recording's words, when the caller left a message.</param>
public sealed record CallLogDetailsDto(CallLogDto Call, string? Voicemail, IReadOnlyList<TranscriptMessageDto> Transcript, string TimeZone);
