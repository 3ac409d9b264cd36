namespace SmbAgent.KnowledgeBase.Search;

/// <summary>Bound from the <c>KnowledgeBase</c> section, like <see cref="KnowledgeBaseOptions"/>.</summary>
public sealed class KnowledgeSearchOptions
{
    public const int MaxQuestionLength = 500;

    /// <summary>
    /// The lowest cosine similarity a passage needs for the agent to answer from it, and only when it also holds
    /// <see cref="MinWordOverlap"/> of the question's words; from <see cref="SimilarityAlone"/> the similarity is
    /// enough. Measured with the local model (Universal Sentence Encoder lite) on the labelled set in the tests
    /// (Evaluation/): similarity alone can't tell a question the content answers from one of the same trade it
    /// doesn't ("do you install solar panels?" to a plumber is 0.58, as close as most answerable ones), while the
    /// words the question shares with the passage can. Another model needs its own values
    /// (<see cref="MinSimilarityByModel"/>, <see cref="SimilarityAloneByModel"/>).
    /// </summary>
    public double MinSimilarity { get; set; } = 0.33;

    /// <summary>Per embedding model, overriding <see cref="MinSimilarity"/>: similarities of two models aren't comparable.</summary>
    public Dictionary<string, double> MinSimilarityByModel { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The cosine similarity from which a passage is answered from without sharing the question's words: a paraphrase
    /// in other words ("do you work on weekends?" to the opening hours, 0.45 with the local model). Swept on the
    /// tuning split of the labelled set: 0.44 with a third of the words declines 7.6% of the answerable questions and
    /// 66% of the off-topic ones; 0.60 with a fifth declined 10% and 75%, but also that paraphrase.
    /// </summary>
    public double SimilarityAlone { get; set; } = 0.44;

    /// <summary>Per embedding model, overriding <see cref="SimilarityAlone"/>.</summary>
    public Dictionary<string, double> SimilarityAloneByModel { get; } = new(StringComparer.Ordinal);

    /// <summary>The share of the question's words a passage under <see cref="SimilarityAlone"/> must hold (stemmed, without stop words).</summary>
    public double MinWordOverlap { get; set; } = 0.20;

    /// <summary>
    /// When nothing is relevant enough, passages down to this much under <see cref="MinSimilarity"/> still offer their
    /// FAQ question or heading as a "did you mean…?".
    /// </summary>
    public double SuggestionMargin { get; set; } = 0.05;

    /// <summary>How many candidates each search contributes to the fusion.</summary>
    public int CandidatesPerSearch { get; set; } = 40;

    /// <summary>
    /// Below this many passages of a model, a tenant's vectors are compared exactly rather than through the HNSW index:
    /// an exact scan of 1,000 vectors takes a few milliseconds (bench/), and its result doesn't depend on the index.
    /// </summary>
    public int ExactSearchBelowChunks { get; set; } = 1000;

    /// <summary>
    /// How long a search waits for the question's vector. Past it (or when the model fails) the question is searched
    /// by full text alone, and found when a passage holds all its words: a stuck model call must not hold a visitor
    /// for the client's whole network timeout (30 s, then retries).
    /// </summary>
    public TimeSpan EmbeddingTimeout { get; set; } = TimeSpan.FromSeconds(3);

    public double MinSimilarityFor(string model) => MinSimilarityByModel.GetValueOrDefault(model, MinSimilarity);

    public double SimilarityAloneFor(string model) => SimilarityAloneByModel.GetValueOrDefault(model, SimilarityAlone);
}
