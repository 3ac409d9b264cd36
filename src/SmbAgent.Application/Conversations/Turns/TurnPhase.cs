namespace SmbAgent.Conversations.Turns;

/// <summary>Where a turn's time goes beyond the flow itself, which is microseconds.</summary>
public enum TurnPhase
{
    /// <summary>Embedding the visitor's words, the knowledge search and the emergency similarity.</summary>
    Retrieval,

    /// <summary>The language model or the local assistant: intent, emergency verdict, answer wording.</summary>
    Model,

    /// <summary>Synthesising what the agent says on the phone.</summary>
    Speech,
}
