using SmbAgent.Leads;

namespace SmbAgent.Conversations.Takeover;

public sealed class OwnerMessageDto
{
    public string Text { get; set; } = string.Empty;
}

/// <summary>The conversation as the admin's live page polls it: where it is, and the messages after the ones it shows.</summary>
/// <param name="WaitingForPerson">The visitor asked for a person and nobody has taken over since.</param>
/// <param name="TakenOverBy">Who is answering, while the conversation is handed off.</param>
/// <param name="Messages">The messages after the sequence asked for, times in the business's zone.</param>
public sealed record LiveConversationDto(
    ConversationChannel Channel,
    ConversationState State,
    bool WaitingForPerson,
    string? TakenOverBy,
    int MessageCount,
    IReadOnlyList<TranscriptMessageDto> Messages);
