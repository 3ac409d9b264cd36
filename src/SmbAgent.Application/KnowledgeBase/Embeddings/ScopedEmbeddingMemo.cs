using System.Collections.Concurrent;
using Microsoft.Extensions.AI;

namespace SmbAgent.KnowledgeBase.Embeddings;

/// <summary>
/// The registered generator, remembering within one scope (a request, a job) the vector of each single text it
/// was asked for: a chat turn's emergency check and knowledge search embed the same text, and share one model call.
/// A memo rather than a vector handed from one to the other because they don't know of each other (the search
/// also serves the admin's test page and the API, where no emergency check runs), and a text asked for once costs
/// the same as before. Nothing is shared between scopes.
/// The call belongs to the scope, not to the first caller: a caller's cancellation (the emergency check's short
/// budget) only stops its own wait, and the next caller still gets the vector; the call is let go when the scope ends.
/// </summary>
public sealed class ScopedEmbeddingMemo(IEmbeddingGenerator<string, Embedding<float>> inner) : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly ConcurrentDictionary<string, Lazy<Task<Embedding<float>>>> _calls = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _scopeEnded = new();

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var inputs = values as IReadOnlyList<string> ?? [.. values];
        if (inputs.Count != 1 || options is not null)
        {
            return await inner.GenerateAsync(inputs, options, cancellationToken);
        }

        return [await CallFor(inputs[0]).WaitAsync(cancellationToken)];
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : inner.GetService(serviceType, serviceKey);

    /// <summary>Lets go of calls nobody waits for any more; the generator itself is shared and stays.</summary>
    public void Dispose()
    {
        _scopeEnded.Cancel();
        _scopeEnded.Dispose();
    }

    /// <summary>The scope's call for <paramref name="text"/>; one that failed is forgotten, so a later caller tries again.</summary>
    private Task<Embedding<float>> CallFor(string text)
    {
        var call = _calls.GetOrAdd(text, Start);
        if (call.Value is { IsFaulted: false, IsCanceled: false } usable)
        {
            return usable;
        }

        _calls.TryRemove(new KeyValuePair<string, Lazy<Task<Embedding<float>>>>(text, call));
        return _calls.GetOrAdd(text, Start).Value;
    }

    private Lazy<Task<Embedding<float>>> Start(string text) =>
        new(async () => (await inner.GenerateAsync([text], options: null, _scopeEnded.Token))[0]);
}
