using OpenAI.Audio;

namespace SmbAgent.Voice.Speech;

/// <summary>OpenAI speech-to-text for a voicemail; <paramref name="client"/> is null when the app has no OpenAI key.</summary>
public sealed class SpeechTranscriber(AudioClient? client)
{
    public bool IsConfigured => client is not null;

    public async Task<string> TranscribeAsync(Stream audio, string fileName, CancellationToken cancellationToken)
    {
        var transcriber = client ?? throw new InvalidOperationException("OpenAI is not configured.");
        var result = await transcriber.TranscribeAudioAsync(audio, fileName, new AudioTranscriptionOptions(), cancellationToken);
        return result.Value.Text;
    }
}
