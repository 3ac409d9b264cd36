namespace SmbAgent.Conversations.Chat;

public sealed class StartConversationDto
{
    /// <summary>The visitor's preferred language (the browser's); the agent's language when not supported.</summary>
    public string? Language { get; set; }
}

public sealed class SendMessageDto
{
    public string Text { get; set; } = string.Empty;

    /// <summary>Chosen by the widget per message, so a retry after a lost response never stores it twice.</summary>
    public string IdempotencyKey { get; set; } = string.Empty;
}

/// <summary>What the widget needs to draw itself.</summary>
public sealed record WidgetConfigurationDto(
    string AgentName,
    string BusinessName,
    string PrimaryColor,
    string AccentColor,
    string Position,
    string Language,
    string WelcomeMessage,
    bool ShowBranding,
    bool OpenNow);

public sealed record ChatMessageDto(int Sequence, MessageRole Role, string Text, IReadOnlyList<MessageCitation> Citations, DateTimeOffset CreationTime);

/// <param name="Token">The conversation's secret; the widget keeps it (e.g. in session storage) and sends it back.</param>
public sealed record ConversationStartedDto(string Token, WidgetConfigurationDto Widget, IReadOnlyList<ChatMessageDto> Messages);

/// <param name="Replies">The agent's answers to this message (the same ones again for a retried message).</param>
public sealed record TurnDto(ChatMessageDto Message, IReadOnlyList<ChatMessageDto> Replies, ConversationState State);

/// <param name="Next">The <c>after</c> that asks for the next page; null on the last one.</param>
public sealed record TranscriptDto(ConversationState State, IReadOnlyList<ChatMessageDto> Messages, int? Next);
