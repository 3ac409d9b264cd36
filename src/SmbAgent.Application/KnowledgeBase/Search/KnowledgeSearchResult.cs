namespace SmbAgent.KnowledgeBase.Search;

/// <param name="Found">Whether the best passage is similar enough to answer from; the passages are returned either way.</param>
/// <param name="Passages">Best first, by fused score.</param>
public sealed record KnowledgeSearchResult(bool Found, IReadOnlyList<KnowledgePassage> Passages)
{
    public static readonly KnowledgeSearchResult NotFound = new(false, []);
}
