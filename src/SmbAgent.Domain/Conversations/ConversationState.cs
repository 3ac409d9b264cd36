namespace SmbAgent.Conversations;

/// <summary>Where the engine is; the server holds it, the client never sends it.</summary>
public enum ConversationState
{
    /// <summary>Answering questions from the knowledge base.</summary>
    Open = 0,

    /// <summary>Asking the owner's lead questions, one at a time.</summary>
    LeadCapture = 1,

    /// <summary>A person from the business has taken over; the agent stays silent.</summary>
    HandOff = 2,

    /// <summary>The lead is stored; the agent still answers questions.</summary>
    Completed = 3,
}
