using SmbAgent.TestKit.Stubs;
using SmbAgent.TestKit.Twilio;

namespace SmbAgent.HttpApi.Tests.Voice.Voicemail;

/// <summary>
/// The voice API host with OpenAI pointed at the stub (the app's one key, as in production), and a transcription job
/// that tries three times without waiting between tries, so giving up takes no longer than the job server's polls.
/// </summary>
public sealed class VoicemailTranscriptionFixture : IAsyncLifetime
{
    public const int Attempts = 3;

    public OpenAiStubServer OpenAi { get; private set; } = null!;

    public VoiceApiFixture Voice { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        OpenAi = await OpenAiStubServer.StartAsync();
        Voice = new VoiceApiFixture
        {
            Overrides =
            {
                ["OpenAI:ApiKey"] = "sk-test-key",
                ["OpenAI:Endpoint"] = OpenAi.Endpoint.ToString(),
                ["Speech:TranscriptionAttempts"] = Attempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Speech:TranscriptionRetryDelay"] = "00:00:00",
            },
        };
        await Voice.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await Voice.DisposeAsync();
        await OpenAi.DisposeAsync();
    }

    /// <summary>Twilio as it signs for the stub's account, which holds the recordings the job downloads.</summary>
    public TwilioWebhookClient Webhooks() => Voice.WebhooksOf(TwilioStubServer.AccountSid, TwilioStubServer.AuthToken);
}
