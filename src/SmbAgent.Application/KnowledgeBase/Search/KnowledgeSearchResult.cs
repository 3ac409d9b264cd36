namespace SmbAgent.KnowledgeBase.Search;

/// <param name="Found">Whether the best passage is relevant enough to answer from; the passages are returned either way.</param>
/// <param name="Passages">Best first, by fused score.</param>
public sealed record KnowledgeSearchResult(bool Found, IReadOnlyList<KnowledgePassage> Passages)
{
    public static readonly KnowledgeSearchResult NotFound = new(false, []);

    /// <summary>
    /// When not found but close: up to two FAQ questions or headings of the nearest passages, for a "did you mean…?"
    /// the visitor can pick. Empty when found or when nothing came close.
    /// </summary>
    public IReadOnlyList<string> Suggestions { get; init; } = [];
}
