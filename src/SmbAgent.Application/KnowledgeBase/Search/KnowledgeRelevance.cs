namespace SmbAgent.KnowledgeBase.Search;

/// <summary>Whether a passage is relevant enough to answer from, and what to suggest when none is.</summary>
public static class KnowledgeRelevance
{
    public const int MaxSuggestions = 2;

    /// <summary>A similarity high enough on its own, or one above the floor backed by the question's words.</summary>
    public static bool Answers(KnowledgeSearchOptions options, string model, double similarity, double wordOverlap) =>
        similarity >= options.SimilarityAloneFor(model)
        || (similarity >= options.MinSimilarityFor(model) && wordOverlap >= options.MinWordOverlap);

    /// <summary>The FAQ questions or headings of the closest passages, best first, without repeats.</summary>
    /// <param name="modelOf">The model that judged a passage's similarity; null when only full text found it.</param>
    public static IReadOnlyList<string> Suggestions(KnowledgeSearchOptions options, IReadOnlyList<KnowledgePassage> passages, Func<KnowledgePassage, string?> modelOf) =>
    [
        .. passages
            .Where(p => p.VectorSimilarity is { } similarity && modelOf(p) is { } model
                        && similarity >= options.MinSimilarityFor(model) - options.SuggestionMargin)
            .OrderByDescending(p => p.VectorSimilarity)
            .Select(p => p.Citation)
            .Where(c => c.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .Take(MaxSuggestions),
    ];
}
