using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenAI;
using SmbAgent.Health;
using SmbAgent.KnowledgeBase.Embeddings;

namespace SmbAgent.Conversations.Assistant;

public static class AssistantServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IConversationAssistant"/>: the OpenAI model through <see cref="IChatClient"/> when a key is
    /// configured (<c>Conversations:Assistant:ApiKey</c>, else the embeddings' <c>OpenAI:ApiKey</c> or
    /// <c>OPENAI_API_KEY</c>), the local rules otherwise.
    /// </summary>
    public static IServiceCollection AddConversationAssistant(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddProviderActivity();
        var section = configuration.GetSection(AssistantOptions.SectionName);
        var assistant = section.Get<AssistantOptions>() ?? new AssistantOptions();
        var openAi = configuration.GetSection(OpenAIEmbeddingOptions.SectionName).Get<OpenAIEmbeddingOptions>() ?? new OpenAIEmbeddingOptions();
        var apiKey = new[] { assistant.ApiKey, openAi.ApiKey, configuration["OPENAI_API_KEY"] }.FirstOrDefault(k => !string.IsNullOrEmpty(k));

        services.AddOptions<AssistantOptions>()
            .Bind(section)
            .Validate(o => o.Timeout > TimeSpan.Zero, "Conversations:Assistant:Timeout must be positive.")
            .Validate(o => o.EmergencyTimeout > TimeSpan.Zero, "Conversations:Assistant:EmergencyTimeout must be positive.")
            .Validate(o => o.CircuitBreakDuration >= TimeSpan.FromSeconds(1), "Conversations:Assistant:CircuitBreakDuration must be at least a second.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.Model), "Conversations:Assistant:Model must name a model.")
            .ValidateOnStart();
        if (apiKey is null)
        {
            services.AddSingleton<IConversationAssistant, LocalConversationAssistant>();
            return services;
        }

        var endpoint = assistant.Endpoint ?? openAi.Endpoint;
        services.AddSingleton<AssistantPrompts>();
        services.AddSingleton(sp => CreateChatClient(apiKey, endpoint, assistant, sp.GetRequiredService<Health.ProviderActivity>()));
        services.AddSingleton<IConversationAssistant, ModelConversationAssistant>();
        return services;
    }

    private static IChatClient CreateChatClient(string apiKey, Uri? endpoint, AssistantOptions assistant, Health.ProviderActivity activity)
    {
        // No retries: a retry would spend the turn's time budget, and the local provider is the better second try.
        var options = Health.ProviderActivityPolicy.AddTo(
            new OpenAIClientOptions { NetworkTimeout = assistant.Timeout, RetryPolicy = new ClientRetryPolicy(0) }, activity);
        if (endpoint is not null)
        {
            options.Endpoint = endpoint;
        }

        return new OpenAIClient(new ApiKeyCredential(apiKey), options).GetChatClient(assistant.Model).AsIChatClient();
    }
}
