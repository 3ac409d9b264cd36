namespace SmbAgent.Conversations;

public enum VisitorIntent
{
    /// <summary>A question or anything else: answered from the knowledge base.</summary>
    Question = 0,

    /// <summary>Asks for a quote, a booking, a call back: lead capture starts.</summary>
    LeaveDetails = 1,

    /// <summary>Asks for a person: the team is told and lead capture starts, so they can reach the visitor.</summary>
    Human = 2,

    Yes = 3,
    No = 4,

    /// <summary>Only a greeting: greeted back, nothing searched.</summary>
    Greeting = 5,

    /// <summary>Tries to change, reveal or bypass the agent's instructions: answered with a fixed refusal.</summary>
    ChangeInstructions = 6,
}
