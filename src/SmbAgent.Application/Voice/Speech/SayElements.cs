using System.Text.RegularExpressions;
using SmbAgent.Conversations.Voice;
using Twilio.TwiML.Voice;

namespace SmbAgent.Voice.Speech;

/// <summary>
/// The plain <c>&lt;Say&gt;</c> of a sentence, in the line's Twilio voice and the conversation's language. With a
/// voice that reads SSML (Amazon Polly's and Google's) and text the agent wrote itself, the pauses between sentences,
/// the emphasis of an exclamation and the slower pace of digits to note down are SSML elements the SDK builds.
/// </summary>
public static partial class SayElements
{
    private const string SentencePause = "400ms";

    public static Say For(SpeechRequest request)
    {
        var language = SpeechLanguages.For(request.Language, country: null);
        if (!request.MaySpeakSsml || !ReadsSsml(request.SayVoice))
        {
            return new Say(request.Text, voice: request.SayVoice, language: language);
        }

        var say = new Say(voice: request.SayVoice, language: language);
        var sentences = SentenceEnd().Split(request.Text.Trim());
        for (var index = 0; index < sentences.Length; index++)
        {
            if (index > 0)
            {
                say.Break(time: SentencePause);
            }

            var sentence = sentences[index];
            if (DigitRun().IsMatch(sentence))
            {
                say.Prosody(sentence, rate: "90%");
            }
            else if (sentence.EndsWith('!'))
            {
                say.Emphasis(sentence, SsmlEmphasis.LevelEnum.Moderate);
            }
            else
            {
                say.S(sentence);
            }
        }

        return say;
    }

    /// <summary>Amazon Polly and Google voices read SSML; Twilio's own (<c>alice</c>, <c>man</c>, <c>woman</c>) don't.</summary>
    public static bool ReadsSsml(string voice) =>
        voice.StartsWith("Polly.", StringComparison.OrdinalIgnoreCase) || voice.StartsWith("Google.", StringComparison.OrdinalIgnoreCase);


    [GeneratedRegex(@"(?<=[.!?])\s+")]
    private static partial Regex SentenceEnd();

    // Four or more digits said one by one, as a spoken phone number is ("5 5 5, 0 1 0 0").
    [GeneratedRegex(@"\d(?:[ ,]+\d){3,}")]
    private static partial Regex DigitRun();
}
