using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmbAgent.Conversations.Turns;
using SmbAgent.Features;
using SmbAgent.Workspace;
using Twilio.TwiML;
using Twilio.TwiML.Voice;

namespace SmbAgent.Voice.Speech;

/// <summary>
/// Premium speech: <c>&lt;Play&gt;</c> of the sentence in the line's OpenAI voice, from the cache or synthesised
/// within <see cref="SpeechOptions.Budget"/>, when the plan has premium voices, the line names one and OpenAI is
/// configured. Anything else, slow or failing, is the plain <c>&lt;Say&gt;</c>: never an exception into the call.
/// </summary>
public sealed partial class PremiumSpeechOutput(
    IFeatureChecker features,
    SpeechSynthesizer synthesizer,
    SpeechAudioCache cache,
    SpeechAudioUrls urls,
    IOptions<SpeechOptions> options,
    TurnTimer timer,
    ILogger<PremiumSpeechOutput> logger) : ISpeechOutput
{
    public async Task<TwiML> SpeakAsync(SpeechRequest request, CancellationToken cancellationToken = default)
    {
        if (request.PremiumVoice is not { } voice
            || !AgentVoices.PremiumVoices.Contains(voice)
            || !synthesizer.IsConfigured
            || string.IsNullOrWhiteSpace(request.Text))
        {
            return SayElements.For(request);
        }

        using var measuring = timer.Measure(TurnPhase.Speech);
        try
        {
            if (await features.IsEnabledAsync(SmbFeatures.Voice.PremiumVoices, cancellationToken)
                && await cache.GetAsync(request.TenantId, request.Text, voice, options.Value.Budget, cancellationToken) is { } hash)
            {
                return new Play(urls.Create(request.TenantId, hash));
            }
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            LogFallback(logger, request.TenantId, e);
        }

        return SayElements.For(request);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Premium speech for tenant {TenantId} failed; the caller hears <Say>")]
    private static partial void LogFallback(ILogger logger, Guid tenantId, Exception exception);
}
