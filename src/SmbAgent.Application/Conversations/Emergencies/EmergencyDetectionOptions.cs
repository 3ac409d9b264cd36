using System.Collections.Frozen;

namespace SmbAgent.Conversations.Emergencies;

/// <summary>Emergency detection settings (section <c>Conversations:Emergencies</c>).</summary>
public sealed class EmergencyDetectionOptions
{
    public const string SectionName = "Conversations:Emergencies";

    /// <summary>
    /// Thresholds measured for an embedding model on the labelled evaluation set (see the emergency evaluation
    /// tests). A model missing here and in <see cref="Similarity"/> gets no similarity check: a cosine threshold
    /// from one model means nothing for another.
    /// </summary>
    public static IReadOnlyDictionary<string, EmergencySimilarityThresholds> MeasuredThresholds { get; } =
        new Dictionary<string, EmergencySimilarityThresholds>(StringComparer.Ordinal)
        {
            // Universal Sentence Encoder lite is English-only: in other languages every sentence lands near every
            // other one (cosine ≈ 0.65–0.9 whatever it says), so its similarity is used for English turns only.
            ["use-lite-512"] = new() { Urgent = 0.67f, High = 0.72f, Languages = ["en"] },
        }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// The similarity check runs inside every turn, so it gets a short budget; when the embedding service is
    /// slower than this or down, the turn is judged by the lexicon alone.
    /// </summary>
    public TimeSpan SimilarityTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Thresholds per embedding model name; they replace <see cref="MeasuredThresholds"/> for that model.</summary>
    public Dictionary<string, EmergencySimilarityThresholds> Similarity { get; init; } = new(StringComparer.Ordinal);

    public EmergencySimilarityThresholds? ThresholdsFor(string model) =>
        Similarity.TryGetValue(model, out var configured) ? configured
        : MeasuredThresholds.TryGetValue(model, out var measured) ? measured
        : null;
}
