using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.KnowledgeBase.Embeddings;
using SmbAgent.TestKit;

namespace SmbAgent.Application.Tests.KnowledgeBase.Embeddings;

/// <summary>Builds the embedding registration exactly as the hosts do, from the given settings only.</summary>
internal sealed class EmbeddingHost : IDisposable
{
    private readonly ServiceProvider provider;

    public EmbeddingHost(IReadOnlyDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        provider = new ServiceCollection().AddEmbeddings(configuration).BuildServiceProvider();
    }

    public IEmbeddingGenerator<string, Embedding<float>> Generator =>
        provider.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();

    /// <summary>A new scope (a request) and its memo; dispose the scope when the request ends.</summary>
    public (IServiceScope Scope, ScopedEmbeddingMemo Memo) NewScope()
    {
        var scope = provider.CreateScope();
        return (scope, scope.ServiceProvider.GetRequiredService<ScopedEmbeddingMemo>());
    }

    public EmbeddingModelInfo Model => provider.GetRequiredService<EmbeddingModelInfo>();

    public static EmbeddingHost Local() => new(new Dictionary<string, string?>
    {
        ["Embeddings:Endpoint"] = TestEnvironment.EmbeddingsEndpoint.ToString(),
        ["Embeddings:Model"] = "use-lite-512",
        ["Embeddings:Dimensions"] = "512",
    });

    public void Dispose() => provider.Dispose();

    public static float Cosine(ReadOnlyMemory<float> a, ReadOnlyMemory<float> b)
    {
        float dot = 0, normA = 0, normB = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a.Span[i] * b.Span[i];
            normA += a.Span[i] * a.Span[i];
            normB += b.Span[i] * b.Span[i];
        }

        return dot / (MathF.Sqrt(normA) * MathF.Sqrt(normB));
    }

    public static float Norm(ReadOnlyMemory<float> vector) => MathF.Sqrt(vector.ToArray().Sum(v => v * v));
}
