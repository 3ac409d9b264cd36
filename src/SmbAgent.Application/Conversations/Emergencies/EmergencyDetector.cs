using SmbAgent.Conversations.Emergencies.Lexicon;
using SmbAgent.Conversations.Emergencies.Similarity;

namespace SmbAgent.Conversations.Emergencies;

/// <summary>
/// Judges every visitor or caller turn: the lexicon and the owner's words first, then similarity to labelled
/// examples, and the higher level wins. Words the lexicon cleared ("there is no smoke", "a leak last year",
/// "fire safety certificate") keep the turn Normal: embeddings hardly see negation or tense, so similarity may
/// not overrule them. Never fails because of the embedding service; deterministic for a given model.
/// </summary>
public sealed class EmergencyDetector(EmergencyLexicon lexicon, EmergencySimilarity similarity)
{
    /// <param name="text">The turn as the visitor typed it or speech recognition heard it.</param>
    /// <param name="language">The conversation language (en, es, fr, de, it, pt); others are matched as English.</param>
    /// <param name="ownerWords">The business's own words; empty when the owner added none.</param>
    /// <param name="cancellationToken">The turn's cancellation; only it makes this throw.</param>
    public async Task<EmergencyAssessment> DetectAsync(
        string text, string? language, IReadOnlyList<OwnerEmergencyWord> ownerWords, CancellationToken cancellationToken = default)
    {
        var byWords = lexicon.Match(text, language, ownerWords);
        if (byWords.Level == LeadPriority.Urgent || byWords.IsCleared)
        {
            return byWords;
        }

        var bySimilarity = await similarity.AssessAsync(text, language, cancellationToken);
        return bySimilarity is not null && bySimilarity.Level > byWords.Level ? bySimilarity : byWords;
    }
}
