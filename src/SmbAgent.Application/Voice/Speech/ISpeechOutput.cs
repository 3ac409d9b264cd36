using Twilio.TwiML;

namespace SmbAgent.Voice.Speech;

/// <summary>
/// Turns one sentence the agent says on the phone into the TwiML element that says it: <c>&lt;Say&gt;</c> with the
/// line's Twilio voice, or, with premium voices, <c>&lt;Play&gt;</c> of synthesised audio, falling back to
/// <c>&lt;Say&gt;</c> whenever synthesis is off, slow or failing. The caller appends it to a response or a gather.
/// </summary>
public interface ISpeechOutput
{
    Task<TwiML> SpeakAsync(SpeechRequest request, CancellationToken cancellationToken = default);
}

/// <param name="Language">The conversation's language (en, es, …): <c>&lt;Say&gt;</c>'s language follows it.</param>
/// <param name="SayVoice">The line's Twilio voice.</param>
/// <param name="PremiumVoice">The line's OpenAI voice, when the plan has premium voices and the owner chose one.</param>
/// <param name="MaySpeakSsml">No caller text is in <paramref name="Text"/>, so pauses and emphasis may be added as SSML elements.</param>
public sealed record SpeechRequest(Guid TenantId, string Text, string Language, string SayVoice, string? PremiumVoice, bool MaySpeakSsml);
