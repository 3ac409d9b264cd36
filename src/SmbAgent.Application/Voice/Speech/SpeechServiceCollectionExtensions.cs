using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenAI;
using OpenAI.Audio;
using SmbAgent.BackgroundJobs;
using SmbAgent.Health;
using SmbAgent.KnowledgeBase.Embeddings;

namespace SmbAgent.Voice.Speech;

public static class SpeechServiceCollectionExtensions
{
    /// <summary>
    /// Registers premium speech as the <see cref="ISpeechOutput"/> (plain <c>&lt;Say&gt;</c> when a line has no premium voice),
    /// its cache, audio URLs, pre-synthesis and cleanup. OpenAI is the app's one key and endpoint (<c>OpenAI:ApiKey</c>
    /// or <c>OPENAI_API_KEY</c>, <c>OpenAI:Endpoint</c>); without a key every sentence is a <c>&lt;Say&gt;</c>.
    /// </summary>
    public static IServiceCollection AddPremiumSpeech(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddProviderActivity();
        var section = configuration.GetSection(SpeechOptions.SectionName);
        var speech = section.Get<SpeechOptions>() ?? new SpeechOptions();
        var openAi = configuration.GetSection(OpenAIEmbeddingOptions.SectionName).Get<OpenAIEmbeddingOptions>() ?? new OpenAIEmbeddingOptions();
        var apiKey = openAi.ApiKey is { Length: > 0 } configured ? configured : configuration["OPENAI_API_KEY"];

        services.AddOptions<SpeechOptions>()
            .Bind(section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.Model), "Speech:Model must name a model.")
            .Validate(o => o.Budget > TimeSpan.Zero && o.Timeout >= o.Budget, "Speech:Budget must be positive and Speech:Timeout at least as long.")
            .Validate(o => o.UrlLifetime > TimeSpan.Zero, "Speech:UrlLifetime must be positive.")
            .Validate(o => o.KeepUnusedFor > TimeSpan.Zero, "Speech:KeepUnusedFor must be positive.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.TranscriptionModel), "Speech:TranscriptionModel must name a model.")
            .Validate(
                o => o.TranscriptionAttempts >= 1 && o.TranscriptionRetryDelay >= TimeSpan.Zero && o.TranscriptionTimeout > TimeSpan.Zero && o.MaxRecordingBytes > 0,
                "Speech:TranscriptionAttempts must be at least 1, Speech:TranscriptionRetryDelay not negative, Speech:TranscriptionTimeout and Speech:MaxRecordingBytes positive.")
            .ValidateOnStart();
        services.AddSingleton(sp => new SpeechSynthesizer(
            apiKey is null ? null : CreateClient(apiKey, openAi.Endpoint, speech.Model, speech.Timeout, sp.GetRequiredService<Health.ProviderActivity>()), speech.Model));
        services.AddSingleton(sp => new SpeechTranscriber(
            apiKey is null ? null : CreateClient(apiKey, openAi.Endpoint, speech.TranscriptionModel, speech.TranscriptionTimeout, sp.GetRequiredService<Health.ProviderActivity>())));
        services.AddSingleton<SpeechAudioCache>();
        services.AddSingleton<SpeechAudioUrls>();
        services.AddScoped<SpeechAudioStore>();
        services.AddScoped<ISpeechOutput, PremiumSpeechOutput>();
        services.AddScoped<SpeechPreparation>();
        services.AddBackgroundJob<PrepareSpeechJob, PrepareSpeechArgs>();
        services.AddBackgroundJob<SpeechAudioCleanupJob, CleanUpSpeechAudioArgs>();
        services.AddRecurringHostJob<SpeechAudioCleanupSchedule>();
        return services;
    }

    private static AudioClient CreateClient(string apiKey, Uri? endpoint, string model, TimeSpan timeout, Health.ProviderActivity activity)
    {
        // No retries in the SDK: for speech the caller's budget is spent by then, and the next caller's miss is the
        // retry; a voicemail's transcription job retries on its own, configured schedule.
        var options = Health.ProviderActivityPolicy.AddTo(new OpenAIClientOptions { NetworkTimeout = timeout, RetryPolicy = new ClientRetryPolicy(0) }, activity);
        if (endpoint is not null)
        {
            options.Endpoint = endpoint;
        }

        return new OpenAIClient(new ApiKeyCredential(apiKey), options).GetAudioClient(model);
    }
}
