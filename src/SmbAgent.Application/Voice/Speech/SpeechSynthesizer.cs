using OpenAI.Audio;

namespace SmbAgent.Voice.Speech;

/// <summary>
/// OpenAI text-to-speech in MP3, the format Twilio's <c>&lt;Play&gt;</c> takes; <paramref name="client"/> is null
/// when the app has no OpenAI key.
/// </summary>
public sealed class SpeechSynthesizer(AudioClient? client, string model)
{
    public const string ContentType = "audio/mpeg";

    public bool IsConfigured => client is not null;

    public string Model => model;

    public async Task<byte[]> SynthesizeAsync(string text, string voice, CancellationToken cancellationToken)
    {
        var audio = client ?? throw new InvalidOperationException("OpenAI is not configured.");
        var result = await audio.GenerateSpeechAsync(
            text, new GeneratedSpeechVoice(voice), new SpeechGenerationOptions { ResponseFormat = GeneratedSpeechFormat.Mp3 }, cancellationToken);
        return result.Value.ToArray();
    }
}
