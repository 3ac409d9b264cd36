namespace SmbAgent.Conversations.LeadCapture;

/// <summary>
/// What became of one answer. A closed set — <see cref="Accepted"/>, <see cref="Skipped"/>, <see cref="Invalid"/> —
/// so the engine's switch over it is exhaustive in intent: store, move on, or re-ask.
/// </summary>
public abstract record LeadAnswerResult
{
    private LeadAnswerResult()
    {
    }

    /// <summary>
    /// <paramref name="Value"/> is what the lead stores (E.164, yyyy-MM-dd, invariant number, the option's own text);
    /// <paramref name="Display"/> is how to read it back to the visitor in the conversation's culture.
    /// </summary>
    public sealed record Accepted(string Value, string Display) : LeadAnswerResult;

    /// <summary>An optional question the visitor declined; the engine asks the next one.</summary>
    public sealed record Skipped : LeadAnswerResult;

    /// <summary><paramref name="Hint"/> is the re-ask, in the conversation's language, ready to send as it is.</summary>
    public sealed record Invalid(LeadAnswerProblem Problem, string Hint) : LeadAnswerResult;
}
