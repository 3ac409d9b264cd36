namespace SmbAgent.Conversations.Replies;

/// <summary>Puts a reply in one channel's words: what is stored as the message's text and what the channel shows or says.</summary>
public interface IReplyRenderer
{
    ConversationChannel Channel { get; }

    RenderedReply Render(AgentReply reply, ReplyContext context);
}

/// <param name="Language">The conversation's language.</param>
/// <param name="AgentLanguage">The agent's own language, whose calendar names an opening time.</param>
public sealed record ReplyContext(string Language, string AgentLanguage);

public sealed record RenderedReply(string Text, IReadOnlyList<MessageCitation> Citations);
