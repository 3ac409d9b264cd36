using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Conversations.Emergencies.Lexicon;
using SmbAgent.Conversations.Emergencies.Similarity;

namespace SmbAgent.Conversations.Emergencies;

public static class EmergencyDetectionServiceCollectionExtensions
{
    /// <summary>
    /// <see cref="EmergencyDetector"/> and its two halves. The lexicon is compiled once and the example vectors
    /// are cached for the life of the process (singletons); the detector and the similarity are scoped, so a
    /// turn's text is embedded once for the check and the knowledge search. Needs the embedding generator, its
    /// <see cref="KnowledgeBase.Embeddings.EmbeddingModelInfo"/> and the scope's memo (<c>AddEmbeddings</c>) and logging.
    /// </summary>
    public static IServiceCollection AddEmergencyDetection(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmergencyDetectionOptions>()
            .Bind(configuration.GetSection(EmergencyDetectionOptions.SectionName))
            .Validate(o => o.SimilarityTimeout > TimeSpan.Zero, "Conversations:Emergencies:SimilarityTimeout must be positive.")
            .Validate(
                o => o.Similarity.Values.All(t => t.Urgent is > 0 and <= 1 && t.High is > 0 and <= 1),
                "Conversations:Emergencies:Similarity thresholds must be cosines above 0 and at most 1.")
            .ValidateOnStart();
        services.AddSingleton<EmergencyLexicon>();
        services.AddSingleton<EmergencyExampleVectors>();
        services.AddScoped<EmergencySimilarity>();
        services.AddScoped<EmergencyDetector>();
        return services;
    }
}
