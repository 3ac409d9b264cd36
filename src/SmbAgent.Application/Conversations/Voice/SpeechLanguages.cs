namespace SmbAgent.Conversations.Voice;

/// <summary>
/// The BCP-47 tag Twilio's speech recognition and <c>&lt;Say&gt;</c> take for a conversation's language: the
/// business's own country's variant where Twilio has one (so a Mexican business hears and is heard in es-MX), else
/// the language's most common one.
/// </summary>
public static class SpeechLanguages
{
    private static readonly Dictionary<string, string> Defaults = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = "en-US",
        ["es"] = "es-ES",
        ["fr"] = "fr-FR",
        ["de"] = "de-DE",
        ["it"] = "it-IT",
        ["pt"] = "pt-BR",
    };

    private static readonly HashSet<string> Regional = new(StringComparer.OrdinalIgnoreCase)
    {
        "en-GB", "en-AU", "en-CA", "en-IE", "en-IN", "en-NZ", "en-ZA",
        "es-MX", "es-US", "es-AR", "es-CO", "es-CL",
        "fr-CA", "fr-BE", "fr-CH",
        "de-AT", "de-CH",
        "pt-PT",
    };

    public static string For(string language, string? country)
    {
        var regional = $"{language}-{country}";
        if (Regional.Contains(regional))
        {
            return $"{language.ToLowerInvariant()}-{country!.ToUpperInvariant()}";
        }

        return Defaults.TryGetValue(language, out var tag) ? tag : Defaults["en"];
    }
}
