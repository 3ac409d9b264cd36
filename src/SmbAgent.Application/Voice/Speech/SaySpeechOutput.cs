using SmbAgent.Conversations.Voice;
using Twilio.TwiML;
using Say = Twilio.TwiML.Voice.Say;

namespace SmbAgent.Voice.Speech;

/// <summary>
/// Every sentence as Twilio's own <c>&lt;Say&gt;</c>, in the line's voice and the conversation's language: what a
/// line without premium voices hears, and what premium speech falls back to.
/// </summary>
public sealed class SaySpeechOutput : ISpeechOutput
{
    public Task<TwiML> SpeakAsync(SpeechRequest request, CancellationToken cancellationToken = default) =>
        Task.FromResult<TwiML>(new Say(request.Text, voice: request.SayVoice, language: SpeechLanguages.For(request.Language, country: null)));
}
