using System.Globalization;
using System.Text.RegularExpressions;

namespace SmbAgent.Conversations.LeadCapture;

/// <summary>
/// Reads one number from an answer ("about 3 rooms", "1,5" in German, "1.5" in English, "2 500 €" in French, "drei"),
/// with the culture's decimal separator. Two different numbers ("2 or 3", "3 rooms, 2 baths") are no answer.
/// </summary>
internal static partial class NumberAnswerReader
{
    private const string InvariantFormat = "0.############################";

    public static decimal? Read(string text, string language, CultureInfo culture)
    {
        var decimalSeparator = culture.NumberFormat.NumberDecimalSeparator == "," ? ',' : '.';
        var values = new List<decimal>();
        foreach (Match match in NumberToken().Matches(text))
        {
            var parsed = Interpret(match.Groups["digits"].Value, decimalSeparator);
            if (parsed is null)
            {
                return null;
            }

            values.AddRange(match.Groups["neg"].Success ? parsed.Select(v => -v) : parsed);
        }

        var words = AnswerText.Words(text);
        if (LeadAnswerVocabulary.NumberWords.TryGetValue(language, out var numberWords))
        {
            values.AddRange(words.Where(numberWords.ContainsKey).Select(w => (decimal)numberWords[w]));
        }

        if (words.Length == 1 && LeadAnswerVocabulary.ArticleOnes.TryGetValue(language, out var ones) && ones.Contains(words[0]))
        {
            values.Add(1);
        }

        var distinct = values.Distinct().ToList();
        return distinct.Count == 1 ? distinct[0] : null;
    }

    public static string Invariant(decimal value) => value.ToString(InvariantFormat, CultureInfo.InvariantCulture);

    public static string Display(decimal value, CultureInfo culture) => value.ToString(InvariantFormat, culture);

    /// <summary>
    /// One run of digits and separators as numbers. Both "." and "," present: the last one is the decimal point.
    /// One of them once: the culture's decimal separator is decimal; the other is a thousands separator only before
    /// exactly three digits ("1,500" in English, "1.500" in German), else a decimal point from the other convention
    /// ("1.5" typed in German). Spaces group only in threes ("2 500"); otherwise they separate numbers ("3 4").
    /// Null for a run that is no number at all ("1.2.3").
    /// </summary>
    private static List<decimal>? Interpret(string run, char decimalSeparator)
    {
        if (run.Any(IsSpace))
        {
            if (SpaceGrouped().IsMatch(run))
            {
                return Interpret(new string([.. run.Where(c => !IsSpace(c))]), decimalSeparator);
            }

            var parts = new List<decimal>();
            foreach (var part in run.Split([' ', '\u00A0', '\u202F'], StringSplitOptions.RemoveEmptyEntries))
            {
                var values = Interpret(part, decimalSeparator);
                if (values is null)
                {
                    return null;
                }

                parts.AddRange(values);
            }

            return parts;
        }

        if (run.Contains('\'', StringComparison.Ordinal) || run.Contains('’', StringComparison.Ordinal))
        {
            return ApostropheGrouped().IsMatch(run) ? Interpret(run.Replace("'", "", StringComparison.Ordinal).Replace("’", "", StringComparison.Ordinal), decimalSeparator) : null;
        }

        var dots = run.Count(c => c == '.');
        var commas = run.Count(c => c == ',');
        char? point;
        if (dots > 0 && commas > 0)
        {
            point = run.LastIndexOf('.') > run.LastIndexOf(',') ? '.' : ',';
        }
        else if (dots + commas == 0)
        {
            point = null;
        }
        else
        {
            var separator = dots > 0 ? '.' : ',';
            var afterLast = run.Length - run.LastIndexOf(separator) - 1;
            point = dots + commas > 1 || (separator != decimalSeparator && afterLast == 3) ? null : separator;
        }

        var integer = point is { } p ? run[..run.LastIndexOf(p)] : run;
        var fraction = point is { } q ? run[(run.LastIndexOf(q) + 1)..] : "";
        var groups = integer.Split('.', ',');
        if (groups.Length > 1 && (groups[0].Length is 0 or > 3 || groups.Skip(1).Any(g => g.Length != 3)))
        {
            return null;
        }

        var canonical = string.Concat(groups) + (fraction.Length > 0 ? "." + fraction : "");
        return decimal.TryParse(canonical, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? [value] : null;
    }

    private static bool IsSpace(char c) => c is ' ' or '\u00A0' or '\u202F';

    [GeneratedRegex(@"(?<neg>(?<=^|\s)-)?(?<digits>[0-9]+(?:[.,'’\u00A0\u202F ][0-9]+)*)")]
    private static partial Regex NumberToken();

    [GeneratedRegex(@"^[0-9]{1,3}(?:[ \u00A0\u202F][0-9]{3})+(?:[.,][0-9]+)?$")]
    private static partial Regex SpaceGrouped();

    [GeneratedRegex(@"^[0-9]{1,3}(?:['’][0-9]{3})+(?:[.,][0-9]+)?$")]
    private static partial Regex ApostropheGrouped();
}
