using Twilio.TwiML;
using Twilio.TwiML.Voice;
using SmbAgent.Conversations.Voice;
using SmbAgent.Voice;

namespace SmbAgent.Notifications.EmergencyAlerts;

/// <summary>
/// The alert call's TwiML, built with the SDK's elements so a business or visitor name holding markup stays text.
/// The prompt is said twice inside one gather: an owner woken by the call may miss the first pass.
/// </summary>
public static class OwnerAlertTwiml
{
    /// <summary>What the owner hears of the visitor's problem: enough to act on, short enough to be heard twice.</summary>
    public const int MaxProblemLength = 240;

    /// <summary>Seconds after the prompt the gather waits for a key.</summary>
    public const int GatherTimeoutSeconds = 8;

    public static string Prompt(OwnerAlertPrompt prompt, Uri choiceUrl)
    {
        var texts = OwnerAlertTexts.For(prompt.Language);
        var gather = new Gather(action: choiceUrl, timeout: GatherTimeoutSeconds, numDigits: 1);
        gather.Say(Sentence(prompt, texts), voice: VoiceConsts.DefaultSayVoice, loop: 2, language: texts.SayLanguage);
        var response = new VoiceResponse();
        response.Append(gather);
        response.Hangup();
        return response.ToString();
    }

    public static string Acknowledged(string? language)
    {
        var texts = OwnerAlertTexts.For(language);
        var response = new VoiceResponse();
        response.Say(texts.Acknowledged, voice: VoiceConsts.DefaultSayVoice, language: texts.SayLanguage);
        response.Hangup();
        return response.ToString();
    }

    public static string Connect(string? language, string leadPhone)
    {
        var texts = OwnerAlertTexts.For(language);
        var response = new VoiceResponse();
        response.Say(texts.Connecting, voice: VoiceConsts.DefaultSayVoice, language: texts.SayLanguage);
        response.Dial(leadPhone);
        return response.ToString();
    }

    public static string Goodbye(string? language)
    {
        var texts = OwnerAlertTexts.For(language);
        var response = new VoiceResponse();
        response.Say(texts.Goodbye, voice: VoiceConsts.DefaultSayVoice, language: texts.SayLanguage);
        response.Hangup();
        return response.ToString();
    }

    private static string Sentence(OwnerAlertPrompt prompt, OwnerAlertTexts texts)
    {
        var name = string.IsNullOrWhiteSpace(prompt.VisitorName) ? texts.Someone : prompt.VisitorName.Trim();
        var who = prompt.VisitorPhone is { Length: > 0 } phone
            ? OwnerAlertTexts.Format(texts.VisitorAt, name, SpokenPhone.Of(phone))
            : name;
        var problem = Trimmed(prompt.Problem);
        var parts = new List<string> { OwnerAlertTexts.Format(texts.Emergency, prompt.Business) };
        parts.Add(problem is null ? who + "." : who + " " + OwnerAlertTexts.Format(texts.Reports, problem));
        parts.Add(texts.PressOne);
        if (prompt.VisitorPhone is { Length: > 0 })
        {
            parts.Add(texts.PressTwo);
        }

        return string.Join(' ', parts);
    }

    private static string? Trimmed(string? problem)
    {
        var text = problem?.Trim().TrimEnd('.', '!', '?');
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return text.Length <= MaxProblemLength ? text : text[..MaxProblemLength].TrimEnd();
    }
}

/// <param name="Language">The business's agent language.</param>
/// <param name="VisitorPhone">E.164; with it the owner may press 2 to be connected.</param>
/// <param name="Problem">The lead's notes, else its first answer.</param>
public sealed record OwnerAlertPrompt(string Language, string Business, string? VisitorName, string? VisitorPhone, string? Problem);
