using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmbAgent.KnowledgeBase.Embeddings;

namespace SmbAgent.Conversations.Emergencies.Similarity;

/// <summary>
/// The paraphrase half of emergency detection: a turn is Urgent or High when it is close enough, in the
/// registered embedding model's space, to a labelled example of that level. Catches what no lexicon lists
/// ("there's a river running across my living room floor"), within a short time budget, and never fails a turn.
/// Scoped: the turn's text is embedded through the scope's <see cref="ScopedEmbeddingMemo"/>, so the knowledge
/// search of the same turn gets the same vector without a second model call.
/// </summary>
public sealed partial class EmergencySimilarity(
    ScopedEmbeddingMemo turnEmbeddings,
    EmergencyExampleVectors examples,
    EmbeddingModelInfo model,
    IOptions<EmergencyDetectionOptions> options,
    ILogger<EmergencySimilarity> logger)
{
    /// <summary>
    /// The level by similarity, or null when it can't be judged: no thresholds measured for the model, a language
    /// the model doesn't understand, or the embedding service failed or exceeded
    /// <see cref="EmergencyDetectionOptions.SimilarityTimeout"/>. Past the budget the check stops waiting but
    /// doesn't cancel the model call: the knowledge search of the same turn waits for the same vector.
    /// Only the caller's own cancellation throws.
    /// </summary>
    public async Task<EmergencyAssessment?> AssessAsync(string text, string? language, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var thresholds = settings.ThresholdsFor(model.Model);
        if (thresholds is null || string.IsNullOrWhiteSpace(text) || !thresholds.Languages.Contains(language ?? "en", StringComparer.Ordinal))
        {
            return null;
        }

        try
        {
            var known = examples.For(model.Model);
            var turn = turnEmbeddings.GenerateVectorAsync(text, cancellationToken: cancellationToken);
            await Task.WhenAll(known, turn).WaitAsync(settings.SimilarityTimeout, cancellationToken);
            return Classify(EmergencyExampleVectors.Unit((await turn).Span), await known, thresholds);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            LogUnavailable(logger, model.Model, e);
            return null;
        }
    }

    private static EmergencyAssessment Classify(float[] turn, ExampleVectors examples, EmergencySimilarityThresholds thresholds)
    {
        if (turn.Length != examples.Dimensions)
        {
            throw new InvalidOperationException($"The turn was embedded with {turn.Length} dimensions, the examples with {examples.Dimensions}.");
        }

        var (urgent, urgentExample) = Nearest(turn, examples.Urgent, EmergencyExamples.Urgent);
        var (high, highExample) = Nearest(turn, examples.High, EmergencyExamples.High);
        // An urgent example must also beat the nearest high one: "the tap is leaking" sits close to both.
        if (urgent >= thresholds.Urgent && urgent >= high)
        {
            return new EmergencyAssessment(LeadPriority.Urgent, EmergencyMatchKind.Similarity, urgentExample, urgent);
        }

        return high >= thresholds.High
            ? new EmergencyAssessment(LeadPriority.High, EmergencyMatchKind.Similarity, highExample, high)
            : EmergencyAssessment.None;
    }

    private static (float Cosine, string Example) Nearest(float[] turn, IReadOnlyList<float[]> vectors, IReadOnlyList<string> sentences)
    {
        var best = (Cosine: float.MinValue, Example: string.Empty);
        for (var i = 0; i < vectors.Count; i++)
        {
            var cosine = EmergencyExampleVectors.Dot(turn, vectors[i]);
            if (cosine > best.Cosine)
            {
                best = (cosine, sentences[i]);
            }
        }

        return best;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Emergency similarity unavailable with embedding model {Model}; the turn is judged by the lexicon alone")]
    private static partial void LogUnavailable(ILogger logger, string model, Exception exception);
}
