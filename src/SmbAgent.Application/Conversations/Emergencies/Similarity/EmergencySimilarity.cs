using System.Collections.Concurrent;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmbAgent.KnowledgeBase.Embeddings;

namespace SmbAgent.Conversations.Emergencies.Similarity;

/// <summary>
/// The paraphrase half of emergency detection: a turn is Urgent or High when it is close enough, in the
/// registered embedding model's space, to a labelled example of that level. Catches what no lexicon lists
/// ("there's a river running across my living room floor"), within a short time budget, and never fails a turn.
/// </summary>
public sealed partial class EmergencySimilarity(
    IEmbeddingGenerator<string, Embedding<float>> generator,
    EmbeddingModelInfo model,
    IOptions<EmergencyDetectionOptions> options,
    ILogger<EmergencySimilarity> logger)
{
    /// <summary>Embedding the examples is a one-off batch of a few dozen sentences; past this the service is stuck.</summary>
    private static readonly TimeSpan ExamplesTimeout = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, Lazy<Task<ExampleVectors>>> _examples = new(StringComparer.Ordinal);

    /// <summary>
    /// The level by similarity, or null when it can't be judged: no thresholds measured for the model, a language
    /// the model doesn't understand, or the embedding service failed or exceeded
    /// <see cref="EmergencyDetectionOptions.SimilarityTimeout"/>. Only the caller's own cancellation throws.
    /// </summary>
    public async Task<EmergencyAssessment?> AssessAsync(string text, string? language, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var thresholds = settings.ThresholdsFor(model.Model);
        if (thresholds is null || string.IsNullOrWhiteSpace(text) || !thresholds.Languages.Contains(language ?? "en", StringComparer.Ordinal))
        {
            return null;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            timeout.CancelAfter(settings.SimilarityTimeout);
            var examples = ExampleVectorsFor(model.Model).WaitAsync(timeout.Token);
            var turn = generator.GenerateVectorAsync(text, cancellationToken: timeout.Token);
            await Task.WhenAll(examples, turn);
            return Classify(Unit((await turn).Span), await examples, thresholds);
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
            var cosine = Dot(turn, vectors[i]);
            if (cosine > best.Cosine)
            {
                best = (cosine, sentences[i]);
            }
        }

        return best;
    }

    /// <summary>
    /// The examples' vectors, embedded once per model on first use and shared by all turns. A failed attempt is
    /// forgotten so the next turn tries again; a slow one keeps running while turns give up on it.
    /// </summary>
    private Task<ExampleVectors> ExampleVectorsFor(string modelName)
    {
        var cached = _examples.GetOrAdd(modelName, _ => new Lazy<Task<ExampleVectors>>(EmbedExamplesAsync));
        if (cached.Value is { IsFaulted: false, IsCanceled: false } usable)
        {
            return usable;
        }

        _examples.TryRemove(new KeyValuePair<string, Lazy<Task<ExampleVectors>>>(modelName, cached));
        return _examples.GetOrAdd(modelName, _ => new Lazy<Task<ExampleVectors>>(EmbedExamplesAsync)).Value;
    }

    private async Task<ExampleVectors> EmbedExamplesAsync()
    {
        using var timeout = new CancellationTokenSource(ExamplesTimeout);
        var embeddings = await generator.GenerateAsync([.. EmergencyExamples.Urgent, .. EmergencyExamples.High], cancellationToken: timeout.Token);
        var vectors = embeddings.Select(e => Unit(e.Vector.Span)).ToList();
        if (vectors.Count != EmergencyExamples.Urgent.Count + EmergencyExamples.High.Count || vectors.Any(v => v.Length != vectors[0].Length))
        {
            throw new InvalidOperationException("The embedding service returned an unexpected set of example vectors.");
        }

        var dimensions = vectors[0].Length;

        return new ExampleVectors(dimensions, vectors[..EmergencyExamples.Urgent.Count], vectors[EmergencyExamples.Urgent.Count..]);
    }

    /// <summary>Scaled to length 1, so a dot product is the cosine whatever the provider returns.</summary>
    private static float[] Unit(ReadOnlySpan<float> vector)
    {
        var norm = MathF.Sqrt(Dot(vector, vector));
        var unit = new float[vector.Length];
        for (var i = 0; i < vector.Length; i++)
        {
            unit[i] = norm == 0 ? 0 : vector[i] / norm;
        }

        return unit;
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = 0f;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Emergency similarity unavailable with embedding model {Model}; the turn is judged by the lexicon alone")]
    private static partial void LogUnavailable(ILogger logger, string model, Exception exception);

    private sealed record ExampleVectors(int Dimensions, IReadOnlyList<float[]> Urgent, IReadOnlyList<float[]> High);
}
