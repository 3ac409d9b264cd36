using System.Globalization;

namespace SmbAgent.Conversations.LeadCapture;

/// <summary>Which option an answer picks; <see cref="Ambiguous"/> when it names more than one.</summary>
internal readonly record struct ChoiceReading(string? Option, bool Ambiguous);

/// <summary>
/// Matches an answer to one of the owner's options, case- and accent-insensitively: the exact text, the option's
/// 1-based number ("2", "option 2"), an answer that names exactly one option ("I want to buy a house" → "Buy"), or a
/// word that occurs in exactly one option ("sell" → "Sell my home"). The old product matched exact text only and
/// never finished a capture; anything looser than this would guess, and a guess it can't make is a re-ask.
/// </summary>
internal static class ChoiceAnswerReader
{
    private const int MinPartialLength = 3;

    public static ChoiceReading Read(string text, IReadOnlyList<string> options)
    {
        var answer = text.Trim().TrimEnd('.', '!', '?');
        var comparable = AnswerText.WithoutCaseAndAccents(answer);
        var exact = options.Where(o => AnswerText.WithoutCaseAndAccents(o.Trim()) == comparable).ToList();
        if (exact.Count == 1)
        {
            return new(exact[0], false);
        }

        var folded = AnswerText.Fold(answer);
        var foldedOptions = options.Select(AnswerText.Fold).ToList();
        var same = Indexes(foldedOptions, o => o == folded);
        if (same.Count > 0)
        {
            return Pick(options, same);
        }

        if (ByNumber(folded, options.Count) is { } index)
        {
            // "2" to "Studio / 1 bedroom / 2 bedrooms" may be the second option or the one that says 2: ask.
            var saying = Indexes(foldedOptions, o => AnswerText.ContainsWords(o, folded.Split(' ')[^1]));
            return saying.Count == 0 || saying.SequenceEqual([index]) ? new(options[index], false) : new(null, true);
        }

        var mentioned = Indexes(foldedOptions, o => AnswerText.ContainsWords(folded, o));
        // "Rent to own" named also names "Rent": the longer option is what was meant.
        var named = mentioned.Where(i => !mentioned.Any(j =>
            foldedOptions[j] != foldedOptions[i] && AnswerText.ContainsWords(foldedOptions[j], foldedOptions[i]))).ToList();
        if (named.Count > 0)
        {
            return Pick(options, named);
        }

        if (folded.Length >= MinPartialLength)
        {
            var containing = Indexes(foldedOptions, o => AnswerText.ContainsWords(o, folded));
            if (containing.Count > 0)
            {
                return Pick(options, containing);
            }
        }

        return new(null, false);
    }

    private static int? ByNumber(string folded, int count)
    {
        var words = folded.Split(' ');
        var number = words switch
        {
            [var n] => n,
            [var word, var n] when LeadAnswerVocabulary.OptionNumberWords.Contains(word) => n,
            _ => null,
        };
        return int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1 && value <= count
            ? value - 1
            : null;
    }

    private static List<int> Indexes(List<string> foldedOptions, Func<string, bool> predicate) =>
        [.. Enumerable.Range(0, foldedOptions.Count).Where(i => foldedOptions[i].Length > 0 && predicate(foldedOptions[i]))];

    private static ChoiceReading Pick(IReadOnlyList<string> options, List<int> indexes) =>
        indexes.Count == 1 ? new(options[indexes[0]], false) : new(null, true);
}
