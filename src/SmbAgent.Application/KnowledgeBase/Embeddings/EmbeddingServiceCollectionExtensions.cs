using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenAI;
using SmbAgent.Health;

namespace SmbAgent.KnowledgeBase.Embeddings;

public static class EmbeddingServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IEmbeddingGenerator{TInput,TEmbedding}"/> and <see cref="EmbeddingModelInfo"/>:
    /// OpenAI when a key is configured, otherwise the local model service. Both go through the OpenAI SDK,
    /// since the local service speaks the same protocol, and each model's generator sends concurrent single
    /// texts together. <see cref="ScopedEmbeddingMemo"/> (scoped) embeds a text once per request.
    /// </summary>
    public static IServiceCollection AddEmbeddings(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddProviderActivity();
        var local = configuration.GetSection(EmbeddingOptions.SectionName).Get<EmbeddingOptions>() ?? new EmbeddingOptions();
        var openAi = configuration.GetSection(OpenAIEmbeddingOptions.SectionName).Get<OpenAIEmbeddingOptions>() ?? new OpenAIEmbeddingOptions();
        var apiKey = openAi.ApiKey is { Length: > 0 } configured ? configured : configuration["OPENAI_API_KEY"];

        var (model, endpoint, key, dimensions, provider) = apiKey is { Length: > 0 }
            ? (openAi.EmbeddingModel, openAi.Endpoint, apiKey, openAi.ResolveDimensions(), EmbeddingProviders.OpenAI)
            // The local service ignores the key, but the SDK refuses to run without one.
            : (local.Model, local.Endpoint, "local", local.Dimensions, EmbeddingProviders.Local);

        var requestedDimensions = provider == EmbeddingProviders.OpenAI ? openAi.EmbeddingDimensions : null;
        services.AddSingleton(new EmbeddingModelInfo(model, dimensions, provider));
        // Only OpenAI's own traffic is the provider's; the local model service is ours.
        services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(sp => Create(
            local, endpoint, key, model, requestedDimensions, provider == EmbeddingProviders.OpenAI ? sp.GetRequiredService<Health.ProviderActivity>() : null));
        services.AddSingleton<EmbeddingModels>();
        services.AddScoped<ScopedEmbeddingMemo>();
        if (provider == EmbeddingProviders.OpenAI)
        {
            // The local service keeps answering questions for vectors made before the switch, until they are re-embedded.
            services.AddSingleton(_ => new PreviousEmbeddingModel(
                new EmbeddingModelInfo(local.Model, local.Dimensions),
                Create(local, local.Endpoint, "local", local.Model, requestedDimensions: null)));
        }

        return services;
    }

    private static CoalescingEmbeddingGenerator Create(
        EmbeddingOptions local, Uri? endpoint, string key, string model, int? requestedDimensions, Health.ProviderActivity? activity = null)
    {
        var options = new OpenAIClientOptions
        {
            NetworkTimeout = local.Timeout,
            RetryPolicy = new ClientRetryPolicy(local.MaxRetries),
        };
        if (endpoint is not null)
        {
            options.Endpoint = endpoint;
        }

        if (activity is not null)
        {
            Health.ProviderActivityPolicy.AddTo(options, activity);
        }

        // Only an explicitly configured size is sent: ada-002 and the local model reject the parameter otherwise.
        var generator = new OpenAIClient(new ApiKeyCredential(key), options)
            .GetEmbeddingClient(model)
            .AsIEmbeddingGenerator(requestedDimensions);
        var maxBatchSize = Math.Max(1, local.MaxBatchSize);
        return new CoalescingEmbeddingGenerator(
            new BatchingEmbeddingGenerator(generator, maxBatchSize), Math.Clamp(local.MaxCoalescedTexts, 1, maxBatchSize));
    }
}
