using System.Threading.Channels;
using Microsoft.Extensions.AI;

namespace SmbAgent.Bench.Chat.Experiments;

/// <summary>
/// Stands for "batch concurrent turns' embeddings": single texts wait in a queue while one request to the model
/// is in flight, and go together in the next one (up to <see cref="MaxBatch"/>). Nothing waits when the queue is
/// empty, so one turn alone is not slowed; under load the model gets batches, which it embeds several times
/// faster per text than one at a time.
/// </summary>
public sealed class CoalescingEmbeddingGenerator : DelegatingEmbeddingGenerator<string, Embedding<float>>
{
    private const int MaxBatch = 64;
    private readonly Channel<(string Text, TaskCompletionSource<Embedding<float>> Result)> _queue =
        Channel.CreateUnbounded<(string, TaskCompletionSource<Embedding<float>>)>(new UnboundedChannelOptions { SingleReader = true });

    private readonly Task _sender;

    public CoalescingEmbeddingGenerator(IEmbeddingGenerator<string, Embedding<float>> inner)
        : base(inner)
    {
        _sender = Task.Run(SendBatchesAsync);
    }

    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var inputs = values as IReadOnlyList<string> ?? [.. values];
        if (inputs.Count != 1 || options is not null)
        {
            return await base.GenerateAsync(inputs, options, cancellationToken);
        }

        var result = new TaskCompletionSource<Embedding<float>>(TaskCreationOptions.RunContinuationsAsynchronously);
        await _queue.Writer.WriteAsync((inputs[0], result), cancellationToken);
        return [await result.Task.WaitAsync(cancellationToken)];
    }

    protected override void Dispose(bool disposing)
    {
        _queue.Writer.TryComplete();
        base.Dispose(disposing);
    }

    private async Task SendBatchesAsync()
    {
        var batch = new List<(string Text, TaskCompletionSource<Embedding<float>> Result)>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            try
            {
                var embeddings = await base.GenerateAsync([.. batch.Select(b => b.Text)]);
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Result.TrySetResult(embeddings[i]);
                }
            }
            catch (Exception e)
            {
                batch.ForEach(b => b.Result.TrySetException(e));
            }
        }
    }
}
