using Microsoft.Extensions.AI;

namespace SmbAgent.Bench.Retrieval.Measure;

/// <summary>
/// Answers with the question's real embedding, computed beforehand, so the timings are retrieval only; the
/// model's own time per question is measured separately.
/// </summary>
public sealed class PrecomputedEmbeddingGenerator(IReadOnlyDictionary<string, float[]> vectors) : IEmbeddingGenerator<string, Embedding<float>>
{
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(values.Select(v => vectors.TryGetValue(v, out var vector)
            ? new Embedding<float>(vector)
            : throw new InvalidOperationException($"No precomputed embedding for '{v}'."))));

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}
