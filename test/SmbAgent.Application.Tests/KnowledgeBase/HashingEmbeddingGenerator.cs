using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.AI;
using SmbAgent.KnowledgeBase.Embeddings;

namespace SmbAgent.Application.Tests.KnowledgeBase;

/// <summary>
/// Deterministic stand-in for the embedding service: each word is hashed into one of 512 dimensions, so equal
/// texts get equal vectors without the local model. <see cref="Failing"/> simulates the service being down.
/// </summary>
public sealed class HashingEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    public static readonly EmbeddingModelInfo Model = new("use-lite-512", 512);

    private int _calls;

    public bool Failing { get; set; }

    public int Calls => _calls;

    /// <summary>Called before each batch is embedded (lets a test look at the source while the job runs).</summary>
    public Func<Task>? OnGenerate { get; set; }

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        if (OnGenerate is { } hook)
        {
            await hook();
        }

        if (Failing)
        {
            throw new HttpRequestException("Embedding service unavailable (test).");
        }

        return new GeneratedEmbeddings<Embedding<float>>(values.Select(v => new Embedding<float>(Vector(v)) { ModelId = Model.Model }));
    }

    public static float[] Vector(string text)
    {
        var vector = new float[Model.Dimensions];
        foreach (var word in text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(word.Trim('.', ',', '?', '!', ':', ';')));
            vector[BitConverter.ToUInt16(hash) % Model.Dimensions] += 1;
        }

        var norm = MathF.Sqrt(vector.Sum(x => x * x));
        return norm == 0 ? vector : vector.Select(x => x / norm).ToArray();
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}
