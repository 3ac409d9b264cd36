using SmbAgent.Leads;
using SmbAgent.Workspace;

namespace SmbAgent.Conversations.Voice;

/// <summary>
/// What the caller's gather result means as a turn's text: a key pressed for a choice is that choice, "yes" (or 1)
/// to the offer of the number they call from is that number, anything else is what was said or pressed.
/// </summary>
public static class CallInput
{
    /// <summary>A choice question offers its choices on the keypad only when one key names each.</summary>
    public const int MaxKeypadChoices = 9;

    /// <summary>Null when the caller said and pressed nothing.</summary>
    public static string? Read(CallGatherDto input, LeadQuestion? current, string? caller)
    {
        var digits = input.Digits?.Trim();
        var speech = input.SpeechResult?.Trim();
        if (current?.Format == LeadQuestionFormat.Phone && CallerNumber(caller) is { } number
            && (digits == "1" || (string.IsNullOrEmpty(digits) && !string.IsNullOrEmpty(speech) && VisitorIntents.Detect(speech) == VisitorIntent.Yes)))
        {
            return number;
        }

        if (!string.IsNullOrEmpty(digits))
        {
            return current?.Format == LeadQuestionFormat.Choice && KeypadChoices(current.Options) && int.TryParse(digits, out var key) && key >= 1 && key <= current.Options.Count
                ? current.Options[key - 1]
                : digits;
        }

        return string.IsNullOrEmpty(speech) ? null : speech.Length > ConversationConsts.MaxMessageLength ? speech[..ConversationConsts.MaxMessageLength] : speech;
    }

    /// <summary>
    /// The caller's number when Twilio gave a real one, not a withheld or unknown caller: only a number the lead's phone
    /// question would itself take is offered, or a "yes" would be refused as incomplete.
    /// </summary>
    public static string? CallerNumber(string? caller) =>
        E164PhoneNumbers.Normalize(caller, country: null) is { } number && number == caller ? number : null;

    public static bool KeypadChoices(IReadOnlyList<string> choices) => choices.Count is > 0 and <= MaxKeypadChoices;
}
