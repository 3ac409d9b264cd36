namespace SmbAgent.KnowledgeBase.Search;

/// <param name="Citation">The chunk's title: the heading or FAQ question it sits under.</param>
/// <param name="Link">The source's origin when it is a web address.</param>
/// <param name="Score">Reciprocal rank fusion of both searches.</param>
/// <param name="VectorSimilarity">Cosine similarity to the question; null when only full text found the passage.</param>
/// <param name="TextRank">ts_rank_cd of the full-text match; null when only the vectors found the passage.</param>
public sealed record KnowledgePassage(
    Guid ChunkId,
    Guid SourceId,
    string SourceTitle,
    string Citation,
    Uri? Link,
    string Text,
    double Score,
    double? VectorSimilarity,
    double? TextRank)
{
    /// <summary>
    /// The share of the question's words (stemmed, without stop words) the passage holds, from 0 to 1: 0 when full
    /// text didn't rank it.
    /// </summary>
    public double WordOverlap { get; init; }
}
