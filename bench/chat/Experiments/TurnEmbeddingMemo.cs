using System.Collections.Concurrent;
using Microsoft.Extensions.AI;
using SmbAgent.Bench.Chat.Measure;

namespace SmbAgent.Bench.Chat.Experiments;

/// <summary>
/// Stands for "embed the turn's text once": within one HTTP request (an async flow begun by
/// <see cref="Begin"/>), a single text asked for twice gets the first call's vector. Nothing is shared between
/// requests, so two visitors asking the same question still cost two model calls.
/// </summary>
public sealed class TurnEmbeddingMemo(IEmbeddingGenerator<string, Embedding<float>> inner)
    : DelegatingEmbeddingGenerator<string, Embedding<float>>(inner)
{
    private static readonly AsyncLocal<ConcurrentDictionary<string, Task<GeneratedEmbeddings<Embedding<float>>>>?> Current = new();

    public static IDisposable Begin()
    {
        Current.Value = new ConcurrentDictionary<string, Task<GeneratedEmbeddings<Embedding<float>>>>(StringComparer.Ordinal);
        return new Scope();
    }

    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var inputs = values as IReadOnlyList<string> ?? [.. values];
        if (Current.Value is not { } memo || inputs.Count != 1)
        {
            return await base.GenerateAsync(inputs, options, cancellationToken);
        }

        // The first caller's cancellation (the emergency check's short budget) must not fail the second caller.
        var shared = memo.GetOrAdd(inputs[0], _ => base.GenerateAsync(inputs, options, CancellationToken.None));
        try
        {
            return await shared.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            TurnProfiler.RecordAbandonedWait();
            throw;
        }
    }

    private sealed class Scope : IDisposable
    {
        public void Dispose() => Current.Value = null;
    }
}
