namespace SmbAgent.Conversations;

public enum ConversationChannel
{
    Chat = 0,
    Voice = 1,
}
