namespace SmbAgent.Conversations;

public enum MessageRole
{
    Visitor = 0,
    Agent = 1,

    /// <summary>Someone from the business, typing in the admin during a takeover.</summary>
    Owner = 2,
}
