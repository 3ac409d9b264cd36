using SmbAgent.Leads;

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

/// <param name="Reply">What an agent's message means, for a widget to draw it (choice buttons, an input's hint, an
/// emergency banner); null for the visitor's messages and for messages read back from the transcript.</param>
public sealed record ChatMessageDto(
    int Sequence, MessageRole Role, string Text, IReadOnlyList<MessageCitation> Citations, DateTimeOffset CreationTime, ChatReplyDto? Reply = null);

/// <summary>
/// An agent's reply as structure next to its text, flat so a widget reads one shape: <see cref="Kind"/> says which
/// fields apply. Kinds: <c>answer</c> (confidence; the sources are the message's citations), <c>question</c> (format,
/// choices, canSkip, hint), <c>emergency</c> (level, businessPhone for tap-to-call), <c>handOff</c>, <c>thanks</c>
/// (openNow), <c>notFound</c> (suggestions to offer as quick replies), <c>unavailable</c> (businessPhone) and
/// <c>info</c> (the agent's other fixed sentences: welcome, startDetails, anythingElse, declined, refusal, lengthLimit).
/// </summary>
public sealed record ChatReplyDto(string Kind)
{
    public string? Info { get; init; }

    public double? Confidence { get; init; }

    public Guid? QuestionId { get; init; }

    public LeadQuestionFormat? Format { get; init; }

    public IReadOnlyList<string>? Choices { get; init; }

    public bool? CanSkip { get; init; }

    /// <summary>Why the previous answer couldn't be taken, when the question is asked again.</summary>
    public string? Hint { get; init; }

    public LeadPriority? Level { get; init; }

    public string? BusinessPhone { get; init; }

    public bool? OpenNow { get; init; }

    public IReadOnlyList<string>? Suggestions { get; init; }
}

/// <param name="Token">The conversation's secret; the widget keeps it (e.g. in session storage) and sends it back.</param>
public sealed record ConversationStartedDto(string Token, WidgetConfigurationDto Widget, IReadOnlyList<ChatMessageDto> Messages);

/// <param name="Replies">The agent's answers to this message (the same ones again for a retried message).</param>
public sealed record TurnDto(ChatMessageDto Message, IReadOnlyList<ChatMessageDto> Replies, ConversationState State);

/// <param name="Next">The <c>after</c> that asks for the next page; null on the last one.</param>
public sealed record TranscriptDto(ConversationState State, IReadOnlyList<ChatMessageDto> Messages, int? Next);
