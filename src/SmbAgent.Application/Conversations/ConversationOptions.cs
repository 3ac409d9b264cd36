namespace SmbAgent.Conversations;

/// <summary>Limits of one conversation (section <c>Conversations</c>).</summary>
public sealed class ConversationOptions
{
    public const string SectionName = "Conversations";

    /// <summary>
    /// Messages of one conversation, the visitor's and the agent's: a person is done long before, a script never is.
    /// The turn that reaches it is still answered and ends with the agent's polite close.
    /// </summary>
    public int MaxMessagesPerConversation { get; set; } = 100;
}
