using Microsoft.Extensions.AI;

namespace SmbAgent.KnowledgeBase.Embeddings;

/// <summary>
/// Sends concurrent single texts (a turn's question) to the model together: while one request is in flight the
/// texts asked for queue, and the next request carries all of them (up to the batch size). Nothing waits when
/// nothing is in flight, so one turn alone is as fast as before; under load the model gets batches, which it
/// embeds several times faster per text than one at a time (bench/README.md, chat).
/// A request that was sent is never cancelled: other callers wait for it too, and an aborted request costs the
/// model the same work. A caller that stops waiting only loses its own result, and a text whose caller stopped
/// waiting before it was sent is left out.
/// </summary>
internal sealed class CoalescingEmbeddingGenerator(IEmbeddingGenerator<string, Embedding<float>> inner, int maxBatchSize)
    : DelegatingEmbeddingGenerator<string, Embedding<float>>(inner)
{
    private readonly Lock _gate = new();
    private readonly Queue<Pending> _queue = new();
    private readonly CancellationTokenSource _disposed = new();
    private bool _sending;
    private bool _isDisposed;

    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var inputs = values as IReadOnlyList<string> ?? [.. values];
        // Texts with options of their own can't share a request; documents are batches already.
        if (inputs.Count != 1 || options is not null)
        {
            return await base.GenerateAsync(inputs, options, cancellationToken);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var pending = new Pending(inputs[0]);
        bool send;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_isDisposed, this);
            _queue.Enqueue(pending);
            send = !_sending;
            _sending = true;
        }

        if (send)
        {
            // The sender serves every caller that queues meanwhile: it must not carry the first one's context (its trace, its scope).
            using (ExecutionContext.SuppressFlow())
            {
                _ = Task.Run(SendQueuedAsync, CancellationToken.None);
            }
        }

        // The caller's result is the text's own: cancelling it both ends the wait and leaves the text out if unsent.
        using (cancellationToken.Register(static (state, token) => ((Pending)state!).Abandon(token), pending))
        {
            return [await pending.Result.Task];
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            List<Pending> left;
            lock (_gate)
            {
                _isDisposed = true;
                left = [.. _queue];
                _queue.Clear();
            }

            _disposed.Cancel();
            left.ForEach(p => p.Result.TrySetException(new ObjectDisposedException(nameof(CoalescingEmbeddingGenerator))));
            _disposed.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>One request at a time, each with everything that queued meanwhile; ends when the queue is empty.</summary>
    private async Task SendQueuedAsync()
    {
        while (TakeBatch() is { } batch)
        {
            try
            {
                var embeddings = await base.GenerateAsync([.. batch.Select(p => p.Text)], options: null, _disposed.Token);
                if (embeddings.Count != batch.Count)
                {
                    throw new InvalidOperationException($"The embedding service returned {embeddings.Count} vectors for {batch.Count} texts.");
                }

                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Result.TrySetResult(embeddings[i]);
                }
            }
            catch (Exception e)
            {
                batch.ForEach(p => p.Result.TrySetException(e));
            }
        }
    }

    private List<Pending>? TakeBatch()
    {
        lock (_gate)
        {
            var batch = new List<Pending>(Math.Min(_queue.Count, maxBatchSize));
            while (batch.Count < maxBatchSize && _queue.TryDequeue(out var next))
            {
                if (!next.Result.Task.IsCompleted)
                {
                    batch.Add(next);
                }
            }

            if (batch.Count == 0)
            {
                _sending = false;
                return null;
            }

            return batch;
        }
    }

    private sealed class Pending(string text)
    {
        public string Text => text;

        public TaskCompletionSource<Embedding<float>> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Marks a text whose caller stopped waiting, so it is left out if it hasn't been sent yet.</summary>
        public void Abandon(CancellationToken cancellationToken) => Result.TrySetCanceled(cancellationToken);
    }
}
