namespace SmbAgent.Conversations.Emergencies;

/// <summary>
/// The verdict on one visitor or caller turn.
/// </summary>
/// <param name="Level">Urgent, High or Normal; the lead's priority is the highest level of its conversation.</param>
/// <param name="MatchedBy">The signal that decided the level.</param>
/// <param name="Match">
/// The lexicon phrase or owner word as written in the lexicon, or the nearest labelled example sentence.
/// With <see cref="LeadPriority.Normal"/> and a lexicon or owner match, the turn used emergency words that were
/// cleared: negated ("there is no smoke"), in the past ("a leak last year") or part of a harmless phrase
/// ("fire safety certificate").
/// </param>
/// <param name="Similarity">The cosine to <paramref name="Match"/> when similarity decided.</param>
public sealed record EmergencyAssessment(LeadPriority Level, EmergencyMatchKind MatchedBy, string? Match, float? Similarity = null)
{
    public static EmergencyAssessment None { get; } = new(LeadPriority.Normal, EmergencyMatchKind.None, null);

    /// <summary>True when the lexicon recognised emergency words and explicitly cleared them.</summary>
    public bool IsCleared => Level < LeadPriority.High && MatchedBy is EmergencyMatchKind.Lexicon or EmergencyMatchKind.OwnerWord;
}
