namespace SmbAgent.KnowledgeBase.Search;

/// <summary>Bound from the <c>KnowledgeBase</c> section, like <see cref="KnowledgeBaseOptions"/>.</summary>
public sealed class KnowledgeSearchOptions
{
    public const int MaxQuestionLength = 500;

    /// <summary>
    /// The cosine similarity the best passage needs for the agent to answer from it. Measured with the local model
    /// (Universal Sentence Encoder lite) on the labelled set in the tests (Evaluation/): at 0.33, 95% of answerable
    /// questions pass and half of the unrelated ones are screened out; questions of the same trade the content doesn't
    /// answer score as high as answerable ones, so no value separates them and the engine must still decline when the
    /// passages don't answer. Another model needs its own value (<see cref="MinSimilarityByModel"/>).
    /// </summary>
    public double MinSimilarity { get; set; } = 0.33;

    /// <summary>Per embedding model, overriding <see cref="MinSimilarity"/>: similarities of two models aren't comparable.</summary>
    public Dictionary<string, double> MinSimilarityByModel { get; } = new(StringComparer.Ordinal);

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
}
