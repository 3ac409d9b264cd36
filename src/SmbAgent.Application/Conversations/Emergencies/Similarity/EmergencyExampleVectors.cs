using System.Collections.Concurrent;
using Microsoft.Extensions.AI;

namespace SmbAgent.Conversations.Emergencies.Similarity;

/// <summary>
/// The labelled examples' vectors, embedded once per model on first use and shared by all turns (a singleton).
/// A failed attempt is forgotten so the next turn tries again; a slow one keeps running while turns give up on it.
/// </summary>
public sealed class EmergencyExampleVectors(IEmbeddingGenerator<string, Embedding<float>> generator)
{
    /// <summary>Embedding the examples is a one-off batch of a few dozen sentences; past this the service is stuck.</summary>
    private static readonly TimeSpan ExamplesTimeout = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, Lazy<Task<ExampleVectors>>> _examples = new(StringComparer.Ordinal);

    public Task<ExampleVectors> For(string modelName)
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
    internal static float[] Unit(ReadOnlySpan<float> vector)
    {
        var norm = MathF.Sqrt(Dot(vector, vector));
        var unit = new float[vector.Length];
        for (var i = 0; i < vector.Length; i++)
        {
            unit[i] = norm == 0 ? 0 : vector[i] / norm;
        }

        return unit;
    }

    internal static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = 0f;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }
}

/// <summary>The examples of each level as unit vectors, in the order of <see cref="EmergencyExamples"/>.</summary>
public sealed record ExampleVectors(int Dimensions, IReadOnlyList<float[]> Urgent, IReadOnlyList<float[]> High);
