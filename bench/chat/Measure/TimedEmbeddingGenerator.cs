using System.Diagnostics;
using Microsoft.Extensions.AI;

namespace SmbAgent.Bench.Chat.Measure;

/// <summary>Times every call to the embedding model for the turn making it (a failure or a caller's timeout counts as failed).</summary>
public sealed class TimedEmbeddingGenerator(IEmbeddingGenerator<string, Embedding<float>> inner)
    : DelegatingEmbeddingGenerator<string, Embedding<float>>(inner)
{
    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var failed = true;
        try
        {
            var result = await base.GenerateAsync(values, options, cancellationToken);
            failed = false;
            return result;
        }
        finally
        {
            TurnProfiler.RecordEmbedding(Stopwatch.GetElapsedTime(started), failed);
        }
    }
}
