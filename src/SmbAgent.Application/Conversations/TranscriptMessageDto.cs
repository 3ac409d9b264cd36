namespace SmbAgent.Conversations;

/// <summary>One message of a transcript as the admin pages show it (a conversation's, a lead's, a takeover's).</summary>
public sealed record TranscriptMessageDto(
    int Sequence,
    MessageRole Role,
    string Text,
    IReadOnlyList<MessageCitation> Citations,
    DateTimeOffset CreationTime);
