using Microsoft.Extensions.AI;

namespace SmbAgent.Bench.Retrieval.Corpus;

/// <summary>
/// How close the synthetic chunk vectors are to what the model gives for the chunk's actual text: a sample of
/// chunks is embedded for real and compared with its mix (without and with the noise).
/// </summary>
public static class RealismCheck
{
    public const int SampleSize = 120;

    public static async Task<string> RunAsync(
        IReadOnlyList<SourcePlan> sources, ChunkVectors vectors, EmbeddingCache cache, IEmbeddingGenerator<string, Embedding<float>> generator, int seed)
    {
        var random = new Random(seed + 7);
        var all = sources.SelectMany(s => s.Chunks).ToList();
        var sample = Enumerable.Range(0, SampleSize).Select(_ => all[random.Next(all.Count)]).DistinctBy(c => c.Text).ToList();
        await cache.EnsureAsync([.. sample.Select(c => c.Text)], generator, "sample chunks (realism check)");

        var mixed = sample.Select(c => ChunkVectors.Dot(cache[c.Text], vectors.Mix(c))).ToList();
        var noisy = sample.Select(c => ChunkVectors.Dot(cache[c.Text], vectors.Next(c))).ToList();
        return $"cosine(real embedding of the chunk text, synthetic vector) over {sample.Count} chunks: "
               + $"mix {mixed.Average():F3} (min {mixed.Min():F3}), mix+noise {noisy.Average():F3} (min {noisy.Min():F3})";
    }
}
