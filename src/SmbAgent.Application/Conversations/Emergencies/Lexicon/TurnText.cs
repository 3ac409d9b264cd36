using System.Globalization;
using System.Text;

namespace SmbAgent.Conversations.Emergencies.Lexicon;

/// <summary>One word of a turn, or a clause break (punctuation or a word such as "but").</summary>
internal readonly record struct TurnToken(string Text, bool IsBreak);

/// <summary>
/// Folds text to the form the lexicon is written against: lower case, no accents, whole words only.
/// Clause breaks are kept because negation and phrase gaps must not reach across them
/// ("no leak, but the basement is flooding").
/// </summary>
internal static class TurnText
{
    /// <summary>Punctuation that ends a clause.</summary>
    private const string BreakCharacters = ".,;:!?¡¿()[]\n\r…–—•";

    /// <summary>
    /// Words and breaks of <paramref name="text"/>. One-letter words are dropped: they are elisions and articles
    /// ("c'è", "l'eau", "there's") that would otherwise push a negation out of its window.
    /// </summary>
    public static List<TurnToken> Tokenize(string text, IReadOnlySet<string> breakWords)
    {
        var tokens = new List<TurnToken>();
        var word = new StringBuilder();
        foreach (var character in Fold(text))
        {
            if (char.IsLetterOrDigit(character))
            {
                word.Append(character);
                continue;
            }

            AddWord(tokens, word, breakWords);
            if (BreakCharacters.Contains(character, StringComparison.Ordinal))
            {
                AddBreak(tokens);
            }
        }

        AddWord(tokens, word, breakWords);
        return tokens;
    }

    /// <summary>Lower case without accents; English "n't" becomes " not" so "isn't" negates like "is not".</summary>
    public static string Fold(string text)
    {
        var decomposed = text
            .Replace('\u2019', '\'').Replace('\u2018', '\'').Replace('\u02BC', '\'').Replace('`', '\'')
            .ToLowerInvariant()
            .Replace("n't", " not", StringComparison.Ordinal)
            .Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var character in decomposed)
        {
            switch (character)
            {
                case 'ß':
                    folded.Append("ss");
                    break;
                case 'æ':
                    folded.Append("ae");
                    break;
                case 'œ':
                    folded.Append("oe");
                    break;
                case 'ø':
                    folded.Append('o');
                    break;
                case 'ł':
                    folded.Append('l');
                    break;
                default:
                    if (CharUnicodeInfo.GetUnicodeCategory(character) != UnicodeCategory.NonSpacingMark)
                    {
                        folded.Append(character);
                    }

                    break;
            }
        }

        return folded.ToString();
    }

    private static void AddWord(List<TurnToken> tokens, StringBuilder word, IReadOnlySet<string> breakWords)
    {
        if (word.Length > 1)
        {
            var text = word.ToString();
            if (breakWords.Contains(text))
            {
                AddBreak(tokens);
            }
            else
            {
                tokens.Add(new TurnToken(text, IsBreak: false));
            }
        }

        word.Clear();
    }

    private static void AddBreak(List<TurnToken> tokens)
    {
        if (tokens.Count > 0 && !tokens[^1].IsBreak)
        {
            tokens.Add(new TurnToken(string.Empty, IsBreak: true));
        }
    }
}
