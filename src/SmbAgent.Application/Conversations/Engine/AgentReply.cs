namespace SmbAgent.Conversations.Engine;

/// <summary>One message the agent sends back, with the sources it quotes.</summary>
public sealed record AgentReply(string Text, IReadOnlyList<MessageCitation> Citations)
{
    public static AgentReply Plain(string text) => new(text, []);
}
