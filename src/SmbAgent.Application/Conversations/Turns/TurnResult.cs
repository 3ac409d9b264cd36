using SmbAgent.Conversations.Replies;

namespace SmbAgent.Conversations.Turns;

/// <summary>A turn as stored, whatever the channel: the visitor's message and the agent's replies after it.</summary>
/// <param name="Replies">The agent's replies to the message (the same ones again for a retried message).</param>
/// <param name="Hints">What the channel may do next; none for a turn replayed from the database.</param>
public sealed record TurnResult(TurnMessage Message, IReadOnlyList<TurnMessage> Replies, ConversationState State, TurnHints Hints);

/// <summary>One stored message of a turn: its text in the channel's words and, for the agent's, what it means.</summary>
/// <param name="Reply">What the agent meant; null for the visitor's message and for messages stored before it was kept.</param>
public sealed record TurnMessage(
    int Sequence, MessageRole Role, string Text, IReadOnlyList<MessageCitation> Citations, DateTimeOffset CreationTime, AgentReply? Reply = null)
{
    public static TurnMessage From(ConversationMessage message, AgentReply? reply = null) =>
        new(message.Sequence, message.Role, message.Text, message.Citations, message.CreationTime, reply);
}
