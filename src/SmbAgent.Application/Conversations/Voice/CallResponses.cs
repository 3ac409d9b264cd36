using SmbAgent.Voice.Speech;
using Twilio.TwiML;
using Dial = Twilio.TwiML.Voice.Dial;
using Gather = Twilio.TwiML.Voice.Gather;
using Record = Twilio.TwiML.Voice.Record;

namespace SmbAgent.Conversations.Voice;

/// <summary>
/// The call's TwiML, built with the SDK's elements only (so every name and sentence is escaped by it): speak and
/// listen, put through, take a message, say goodbye. Each sentence goes through <see cref="ISpeechOutput"/>, which
/// chooses <c>&lt;Say&gt;</c> or premium audio.
/// </summary>
public sealed class CallResponses(ISpeechOutput speech, VoiceWebhookUrls urls)
{
    /// <summary>How long a transfer rings before the caller is offered voicemail instead.</summary>
    public const int DialTimeoutSeconds = 20;

    /// <summary>A voicemail's longest length, in seconds.</summary>
    public const int MaxMessageSeconds = 120;

    /// <summary>
    /// The prompt said inside the gather, so the caller can talk over it (barge-in), then a redirect that brings a
    /// gather that heard nothing back as a silence.
    /// </summary>
    public async Task<VoiceResponse> ListenAsync(CallVoice voice, IReadOnlyList<Spoken> prompt, Listening listening, CancellationToken cancellationToken)
    {
        var gather = new Gather(
            input: [Gather.InputEnum.Speech, Gather.InputEnum.Dtmf],
            action: urls.Gather(listening.Turn, question: listening.Question),
            speechTimeout: "auto",
            finishOnKey: "#",
            numDigits: listening.SingleDigit ? 1 : null,
            language: voice.SpeechLanguage,
            hints: listening.Hints.Count > 0 ? string.Join(", ", listening.Hints) : null,
            bargeIn: true);
        await SpeakIntoAsync(gather, voice, prompt, cancellationToken);
        var response = new VoiceResponse();
        response.Append(gather);
        response.Redirect(urls.Gather(listening.Turn, listening.Silences + 1, listening.Question));
        return response;
    }

    /// <summary>A filler said while the turn goes on elsewhere, then Twilio is sent to wait for its answer.</summary>
    public async Task<VoiceResponse> HoldAsync(CallVoice voice, IReadOnlyList<Spoken> filler, Holding holding, CancellationToken cancellationToken)
    {
        var response = new VoiceResponse();
        await SpeakIntoAsync(response, voice, filler, cancellationToken);
        response.Redirect(urls.Wait(holding.Turn, holding.Wait, holding.Question));
        return response;
    }

    public async Task<VoiceResponse> HangUpAsync(CallVoice voice, IReadOnlyList<Spoken> farewell, CancellationToken cancellationToken)
    {
        var response = new VoiceResponse();
        await SpeakIntoAsync(response, voice, [.. farewell, Fixed(CallTexts.For(voice.Language).Goodbye)], cancellationToken);
        response.Hangup();
        return response;
    }

    /// <summary>Puts the caller through to the line's forwarding number; with none, or when no one answers, a voicemail.</summary>
    public async Task<VoiceResponse> PutThroughAsync(CallVoice voice, IReadOnlyList<Spoken> before, CancellationToken cancellationToken)
    {
        var texts = CallTexts.For(voice.Language);
        if (string.IsNullOrWhiteSpace(voice.ForwardTo))
        {
            return await VoicemailAsync(voice, [.. before, Fixed(texts.LeaveMessage)], cancellationToken);
        }

        var response = new VoiceResponse();
        await SpeakIntoAsync(response, voice, [.. before, Fixed(texts.PuttingThrough)], cancellationToken);
        response.Append(new Dial(voice.ForwardTo, action: urls.DialEnded(), timeout: DialTimeoutSeconds));
        return response;
    }

    /// <summary>
    /// <paramref name="before"/> (which must ask for the message), then the recording, transcribed by Twilio; the
    /// recording webhook turns it into a lead. A caller who says nothing hears goodbye.
    /// </summary>
    public async Task<VoiceResponse> VoicemailAsync(CallVoice voice, IReadOnlyList<Spoken> before, CancellationToken cancellationToken)
    {
        var response = new VoiceResponse();
        await SpeakIntoAsync(response, voice, before, cancellationToken);
        response.Append(new Record(
            action: urls.Recording(),
            maxLength: MaxMessageSeconds,
            playBeep: true,
            recordingStatusCallback: urls.Recording(),
            transcribe: true,
            transcribeCallback: urls.Recording()));
        await SpeakIntoAsync(response, voice, [Fixed(CallTexts.For(voice.Language).Goodbye)], cancellationToken);
        response.Hangup();
        return response;
    }

    /// <summary>A sentence of the server's own (no caller words in it).</summary>
    public static Spoken Fixed(string text) => new(text, MaySpeakSsml: true);

    private async Task SpeakIntoAsync(TwiML parent, CallVoice voice, IEnumerable<Spoken> sentences, CancellationToken cancellationToken)
    {
        foreach (var sentence in sentences.Where(s => !string.IsNullOrWhiteSpace(s.Text)))
        {
            parent.Append(await speech.SpeakAsync(
                new SpeechRequest(voice.TenantId, sentence.Text, voice.Language, voice.SayVoice, voice.PremiumVoice, sentence.MaySpeakSsml), cancellationToken));
        }
    }
}

/// <summary>How the call sounds and where it may go: the conversation's language and the line's settings.</summary>
/// <param name="SpeechLanguage">BCP-47, for the gather's recognition (<see cref="SpeechLanguages"/>).</param>
/// <param name="ForwardTo">The line's forwarding number (E.164), when the owner set one.</param>
public sealed record CallVoice(Guid TenantId, string Language, string SpeechLanguage, string SayVoice, string? PremiumVoice, string? ForwardTo);

/// <param name="MaySpeakSsml">No caller words are in <paramref name="Text"/>.</param>
public sealed record Spoken(string Text, bool MaySpeakSsml);

/// <summary>What the next gather expects.</summary>
/// <param name="Turn">The turn the caller's answer will be.</param>
/// <param name="Hints">Words the recogniser should expect (a choice question's choices, yes and no…).</param>
/// <param name="SingleDigit">One key is a whole answer (a choice), so the gather ends on the first key pressed.</param>
/// <param name="Question">The lead question asked, when one is.</param>
/// <param name="Silences">Gathers in a row that heard nothing before this one.</param>
public sealed record Listening(int Turn, IReadOnlyList<string> Hints, bool SingleDigit, Guid? Question, int Silences = 0);

/// <summary>What a wait for a turn's answer is for.</summary>
/// <param name="Turn">The turn being answered.</param>
/// <param name="Wait">This wait's number, from 1.</param>
/// <param name="Question">The lead question the turn answers, when one was asked.</param>
public sealed record Holding(int Turn, int Wait, Guid? Question);
