using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;

namespace SmbAgent.Application.Tests.KnowledgeBase.VectorIndexes;

/// <summary>
/// Deterministic vectors with the shape text embeddings have (clusters of related passages, not points spread
/// uniformly over the sphere, on which no HNSW graph navigates well). A text naming <c>kb{cluster}x{item}</c> is
/// a passage: its cluster's centre plus the item's own offset. <c>ask{cluster}x{item}</c> is a question near
/// that passage. Each passage has a distinct distance to a question, so the exact top results have no ties.
/// </summary>
public sealed partial class ClusteredEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private const int Dimensions = 512;

    public static string Passage(int cluster, int item) => $"kb{cluster}x{item}";

    public static string Question(int cluster, int item) => $"ask{cluster}x{item}";

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(
            values.Select(v => new Embedding<float>(Vector(v)) { ModelId = HashingEmbeddingGenerator.Model.Model })));

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }

    private static float[] Vector(string text)
    {
        var match = Token().Match(text);
        if (!match.Success)
        {
            throw new ArgumentException($"No kb<cluster>x<item> or ask<cluster>x<item> in '{text}'.", nameof(text));
        }

        var cluster = int.Parse(match.Groups["cluster"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var item = int.Parse(match.Groups["item"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var vector = Add(Unit(cluster * 7_919 + 1), Unit(cluster * 104_729 + item * 31 + 2), 0.5f);
        if (match.Groups["kind"].Value == "ask")
        {
            vector = Add(vector, Unit(cluster * 104_729 + item * 31 + 3), 0.2f);
        }

        return Normalize(vector);
    }

    private static float[] Unit(int seed)
    {
        var random = new Random(seed);
        var vector = new float[Dimensions];
        for (var i = 0; i < Dimensions; i++)
        {
            // Box-Muller: a gaussian direction, uniform over the sphere once normalized.
            vector[i] = (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
        }

        return Normalize(vector);
    }

    private static float[] Add(float[] a, float[] b, float weight) => [.. a.Select((x, i) => x + (weight * b[i]))];

    private static float[] Normalize(float[] vector)
    {
        var norm = (float)Math.Sqrt(vector.Sum(x => x * x));
        return [.. vector.Select(x => x / norm)];
    }

    [GeneratedRegex(@"\b(?<kind>kb|ask)(?<cluster>\d+)x(?<item>\d+)\b")]
    private static partial Regex Token();
}
