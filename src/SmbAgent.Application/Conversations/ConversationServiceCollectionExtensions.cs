using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SmbAgent.Conversations.Assistant;
using SmbAgent.Caching;
using SmbAgent.Conversations.Chat;
using SmbAgent.Conversations.Emergencies;
using SmbAgent.Conversations.Engine;
using SmbAgent.Conversations.LeadCapture;
using SmbAgent.Conversations.Replies;
using SmbAgent.Conversations.Takeover;
using SmbAgent.Conversations.State;
using SmbAgent.Conversations.Turns;
using SmbAgent.Conversations.Voice;
using SmbAgent.Voice.Speech;

namespace SmbAgent.Conversations;

public static class ConversationServiceCollectionExtensions
{
    /// <summary>The engine, the widget's chat service, the phone line's call service and the components a turn uses, the admin's live takeover and its conversation list.</summary>
    public static IServiceCollection AddConversations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ConversationOptions>()
            .Bind(configuration.GetSection(ConversationOptions.SectionName))
            .Validate(o => o.MaxMessagesPerConversation >= 3, "Conversations:MaxMessagesPerConversation must leave room for the welcome, a message and its answer (3 or more).")
            .ValidateOnStart();
        services.AddLeadCapture();
        services.AddEmergencyDetection(configuration);
        services.AddConversationAssistant(configuration);
        services.AddScoped<ConversationEngine>();
        services.AddScoped<TurnTimer>();
        services.AddSingleton<IReplyRenderer, ChatReplyRenderer>();
        services.AddSingleton<IReplyRenderer, VoiceReplyRenderer>();
        services.AddScoped<ConversationTurnService>();
        services.AddScoped<ChatAppService>();
        services.AddScoped<VoiceCallAppService>();
        services.AddScoped<CallResponses>();
        services.AddOptions<CallTurnBudgetOptions>()
            .Bind(configuration.GetSection(CallTurnBudgetOptions.SectionName))
            .Validate(o => o.AnswerWithin > TimeSpan.Zero && o.WaitPerRequest > TimeSpan.Zero && o.PollInterval > TimeSpan.Zero,
                "Voice:TurnBudget's AnswerWithin, WaitPerRequest and PollInterval must be positive.")
            .Validate(o => o.AnswerWithin <= TimeSpan.FromSeconds(10) && o.WaitPerRequest <= TimeSpan.FromSeconds(10),
                "Voice:TurnBudget's AnswerWithin and WaitPerRequest are at most 10 s, to keep each webhook well inside Twilio's 15 s.")
            .Validate(o => o.MaxWaits >= 1, "Voice:TurnBudget:MaxWaits must be at least 1.")
            .Validate(o => o.ResultLifetime >= TimeSpan.FromMinutes(1), "Voice:TurnBudget:ResultLifetime must be at least a minute.")
            .ValidateOnStart();
        services.AddSingleton<CallTurnBudget>();
        services.AddSingleton<VoiceWebhookUrls>();
        // Premium speech, where registered, replaces Twilio's own voice.
        services.AddScoped<TakeoverAppService>();
        services.AddScoped<ConversationAppService>();
        services.AddScoped<ConversationStateCache>();
        services.AddSingleton<IHybridCacheSerializer<ConversationHotState>, EntityJsonSerializer<ConversationHotState>>();
        return services;
    }
}
