using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SmbAgent.Conversations.Emergencies;
using SmbAgent.Conversations.Emergencies.Lexicon;
using SmbAgent.Conversations.Emergencies.Similarity;
using SmbAgent.KnowledgeBase.Embeddings;
using SmbAgent.TestKit;

namespace SmbAgent.Application.Tests.Conversations.Emergencies;

/// <summary>
/// Emergency detection registered as the hosts register it: the real local model by default, or a stand-in
/// generator (registered after, so it replaces the real one).
/// </summary>
internal sealed class EmergencyDetectionHost : IDisposable
{
    private readonly ServiceProvider _provider;

    public EmergencyDetectionHost(
        IEmbeddingGenerator<string, Embedding<float>>? generator = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Embeddings:Endpoint"] = TestEnvironment.EmbeddingsEndpoint.ToString(),
                ["Embeddings:Model"] = "use-lite-512",
                ["Embeddings:Dimensions"] = "512",
            })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection().AddLogging().AddEmbeddings(configuration).AddEmergencyDetection(configuration);
        if (generator is not null)
        {
            services.AddSingleton(generator);
        }

        _provider = services.BuildServiceProvider();
    }

    public EmergencyDetector Detector => _provider.GetRequiredService<EmergencyDetector>();

    public EmergencyLexicon Lexicon => _provider.GetRequiredService<EmergencyLexicon>();

    public EmergencySimilarity Similarity => _provider.GetRequiredService<EmergencySimilarity>();

    public EmbeddingModelInfo Model => _provider.GetRequiredService<EmbeddingModelInfo>();

    public EmergencyDetectionOptions Options => _provider.GetRequiredService<IOptions<EmergencyDetectionOptions>>().Value;

    public void Dispose() => _provider.Dispose();
}
