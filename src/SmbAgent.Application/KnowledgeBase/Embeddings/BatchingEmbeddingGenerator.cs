using Microsoft.Extensions.AI;

namespace SmbAgent.KnowledgeBase.Embeddings;

/// <summary>
/// Splits large requests into batches the provider accepts (the local service takes at most 256 inputs,
/// OpenAI 2048), so callers can embed a whole document in one call.
/// </summary>
internal sealed class BatchingEmbeddingGenerator(IEmbeddingGenerator<string, Embedding<float>> inner, int maxBatchSize)
    : DelegatingEmbeddingGenerator<string, Embedding<float>>(inner)
{
    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var inputs = values as IReadOnlyList<string> ?? [.. values];
        if (inputs.Count <= maxBatchSize)
        {
            return await base.GenerateAsync(inputs, options, cancellationToken);
        }

        var all = new GeneratedEmbeddings<Embedding<float>>(inputs.Count) { Usage = new UsageDetails() };
        foreach (var batch in inputs.Chunk(maxBatchSize))
        {
            var generated = await base.GenerateAsync(batch, options, cancellationToken);
            all.AddRange(generated);
            if (generated.Usage is { } usage)
            {
                all.Usage.Add(usage);
            }
        }

        return all;
    }
}
