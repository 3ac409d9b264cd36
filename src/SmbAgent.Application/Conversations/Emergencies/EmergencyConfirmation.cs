namespace SmbAgent.Conversations.Emergencies;

/// <summary>
/// How the language model's opinion combines with the deterministic check (PRODUCT.md: "confirmed by the language
/// model when one is configured"). Missing an emergency costs far more than a needless alert, so the model only
/// confirms or lowers, by one level at most, and only what the deterministic check found:
/// <list type="bullet">
/// <item>It is asked only when that can change something: the turn was flagged above the conversation's priority,
/// and not by the owner's own words, which are the owner's explicit rule. A High from the lexicon is not asked
/// about either: the model can't raise it, and the lexicon's High stands (below).</item>
/// <item>Urgent (lexicon or similarity) stays Urgent only when the model agrees; otherwise it becomes High, never
/// Normal. Urgent is what calls the owner at once; a model that knows a law firm's "fire" is not theirs to put out
/// saves that call, but the lead still comes first in the list.</item>
/// <item>High from similarity alone becomes Normal when the model says Normal: an embedding barely sees meaning,
/// and nobody is called at High either way, so a wrong Normal costs only the lead's place in the list.</item>
/// <item>The model never raises a level: that would make a model, or text written for it, the only reason for a
/// call at night, and a turn the check didn't flag is never sent to the model, which keeps a model call off
/// ordinary turns.</item>
/// <item>No opinion (no model, a timeout, an error, output outside the schema) leaves the deterministic result as it was.</item>
/// </list>
/// </summary>
public static class EmergencyConfirmation
{
    /// <summary>The reason codes the model chooses from.</summary>
    public static IReadOnlyList<string> Reasons { get; } =
    [
        "danger_to_people", "damage_spreading_now", "essential_service_lost", "problem_can_wait",
        "outside_this_business", "not_happening_now", "question_only", "other",
    ];

    public static bool IsNeeded(EmergencyAssessment assessment, LeadPriority conversationPriority) =>
        assessment.Level > conversationPriority
        && assessment.MatchedBy is not EmergencyMatchKind.OwnerWord
        && (assessment.Level == LeadPriority.Urgent || assessment.MatchedBy == EmergencyMatchKind.Similarity);

    /// <param name="opinion">Null when the model gave none.</param>
    public static EmergencyAssessment Combine(EmergencyAssessment assessment, EmergencyOpinion? opinion)
    {
        if (opinion is null || opinion.Level >= assessment.Level || assessment.MatchedBy is EmergencyMatchKind.OwnerWord)
        {
            return assessment;
        }

        var floor = assessment.Level == LeadPriority.Urgent || assessment.MatchedBy == EmergencyMatchKind.Lexicon ? LeadPriority.High : LeadPriority.Normal;
        return assessment with { Level = opinion.Level > floor ? opinion.Level : floor };
    }
}
