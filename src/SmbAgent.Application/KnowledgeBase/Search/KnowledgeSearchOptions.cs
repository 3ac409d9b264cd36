namespace SmbAgent.KnowledgeBase.Search;

/// <summary>Bound from the <c>KnowledgeBase</c> section, like <see cref="KnowledgeBaseOptions"/>.</summary>
public sealed class KnowledgeSearchOptions
{
    public const int MaxQuestionLength = 500;

    /// <summary>
    /// The cosine similarity the best passage needs for the agent to answer from it. Measured with the local
    /// model (Universal Sentence Encoder lite) on small-business FAQ chunks: paraphrased questions scored
    /// 0.36–0.65 against their chunk, off-topic questions at most 0.32 against any. Another model needs its own value.
    /// </summary>
    public double MinSimilarity { get; set; } = 0.33;

    /// <summary>Per embedding model, overriding <see cref="MinSimilarity"/>: similarities of two models aren't comparable.</summary>
    public Dictionary<string, double> MinSimilarityByModel { get; } = new(StringComparer.Ordinal);

    /// <summary>How many candidates each search contributes to the fusion.</summary>
    public int CandidatesPerSearch { get; set; } = 40;

    public double MinSimilarityFor(string model) => MinSimilarityByModel.GetValueOrDefault(model, MinSimilarity);
}
