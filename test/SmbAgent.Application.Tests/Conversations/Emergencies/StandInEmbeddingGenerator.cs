using Microsoft.Extensions.AI;

namespace SmbAgent.Application.Tests.Conversations.Emergencies;

/// <summary>
/// An embedding service under the test's control: every text gets the same vector (so every turn is as close
/// as can be to every example), or the service fails, or it never answers until cancelled.
/// </summary>
internal sealed class StandInEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private static readonly float[] Vector = [0.6f, 0.8f];

    private int _batches;
    private int _failuresLeft;

    public enum Behaviour
    {
        SameVectorForAll,
        Fail,
        Hang,
    }

    public Behaviour Mode { get; set; } = Behaviour.SameVectorForAll;

    /// <summary>Fail this many calls, then behave as <see cref="Mode"/>.</summary>
    public int FailFirst
    {
        set => _failuresLeft = value;
    }

    /// <summary>Calls made, counting ones that failed.</summary>
    public int Batches => _batches;

    public List<int> BatchSizes { get; } = [];

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var texts = values.ToList();
        Interlocked.Increment(ref _batches);
        lock (BatchSizes)
        {
            BatchSizes.Add(texts.Count);
        }

        await Task.Yield();
        if (Interlocked.Decrement(ref _failuresLeft) >= 0 || Mode == Behaviour.Fail)
        {
            throw new HttpRequestException("Embedding service unavailable (test).");
        }

        if (Mode == Behaviour.Hang)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        return new GeneratedEmbeddings<Embedding<float>>(texts.Select(_ => new Embedding<float>(Vector)));
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}
