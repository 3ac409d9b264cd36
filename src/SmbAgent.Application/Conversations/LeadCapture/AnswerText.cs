using System.Globalization;
using System.Text;

namespace SmbAgent.Conversations.LeadCapture;

/// <summary>
/// The one way answers and vocabularies are compared: case- and accent-insensitive, apostrophes dropped
/// ("aujourd'hui" = "aujourdhui", "I'd" = "id"), every other non-letter/digit a word break.
/// Both sides go through it, so a lexicon entry written naturally matches whatever visitors type.
/// </summary>
internal static class AnswerText
{
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c is '\'' or '\u2019' or '\u02BC')
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                pendingSpace = false;
                var lower = char.ToLowerInvariant(c);
                if (lower == 'ß')
                {
                    builder.Append("ss");
                }
                else
                {
                    builder.Append(lower);
                }
            }
            else
            {
                pendingSpace = true;
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// The answer without control characters (PostgreSQL refuses NUL in text; the rest garble transcripts) and without
    /// bidirectional overrides, which can make a name or number read differently in the owner's lead list than it is.
    /// Line breaks and tabs stay; "\r\n" becomes "\n".
    /// </summary>
    public static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Replace("\r\n", "\n", StringComparison.Ordinal))
        {
            if (c is '\n' or '\t' || !(char.IsControl(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069'))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Case and accents off, punctuation kept: "4+" stays apart from "4".</summary>
    public static string WithoutCaseAndAccents(string text) =>
        string.Concat(text.Normalize(NormalizationForm.FormD)
            .Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            .Select(char.ToLowerInvariant));

    public static string[] Words(string text) => Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Whether <paramref name="phrase"/> (folded) occurs in <paramref name="folded"/> as whole words.</summary>
    public static bool ContainsWords(string folded, string phrase) =>
        phrase.Length > 0 && $" {folded} ".Contains($" {phrase} ", StringComparison.Ordinal);

    /// <summary>The two-letter language code the tables are keyed by; anything unsupported reads as English.</summary>
    public static string LanguageOf(string? language)
    {
        var code = string.IsNullOrWhiteSpace(language) ? "en" : language.Trim()[..Math.Min(2, language.Trim().Length)].ToLowerInvariant();
        return LeadAnswerHints.Supports(code) ? code : "en";
    }
}
