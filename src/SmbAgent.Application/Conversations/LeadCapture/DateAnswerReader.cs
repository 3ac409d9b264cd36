using System.Globalization;
using System.Text.RegularExpressions;

namespace SmbAgent.Conversations.LeadCapture;

/// <summary>
/// Reads a calendar date: ISO ("2026-12-24"), numeric in the culture's day/month order ("24.12.2026", "12/24"),
/// with a month name in any of the six languages ("24 de diciembre", "December 24th"), or relative to the business's
/// today ("tomorrow", "übermorgen", "vendredi" = the next Friday). More than one different date is no answer.
/// </summary>
internal static partial class DateAnswerReader
{
    private const int MaxFillers = 2;

    public static DateOnly? Read(string text, DateOnly today, CultureInfo culture)
    {
        var words = AnswerText.Words(text);
        var explicitDates = Numeric(text, today, culture).Concat(WithMonthName(words, today)).Distinct().ToList();
        if (explicitDates.Count > 0)
        {
            return explicitDates.Count == 1 ? explicitDates[0] : null;
        }

        var relative = Relative(words, today).Distinct().ToList();
        return relative.Count == 1 ? relative[0] : null;
    }

    /// <summary>Today in the culture's short pattern, so the re-ask shows the order the reader expects.</summary>
    public static string Example(DateOnly today, CultureInfo culture) => today.ToString(culture.DateTimeFormat.ShortDatePattern, culture);

    private static IEnumerable<DateOnly> Numeric(string text, DateOnly today, CultureInfo culture)
    {
        var pattern = culture.DateTimeFormat.ShortDatePattern;
        var monthFirst = pattern.IndexOf('M', StringComparison.Ordinal) < pattern.IndexOf('d', StringComparison.Ordinal);
        foreach (Match match in NumericDate().Matches(text))
        {
            var first = match.Groups["a"].Value;
            var second = int.Parse(match.Groups["b"].Value, CultureInfo.InvariantCulture);
            var third = match.Groups["c"];
            var separator = match.Groups["sep"].Value;
            DateOnly? date;
            if (first.Length == 4)
            {
                date = third.Success ? Create(int.Parse(first, CultureInfo.InvariantCulture), second, Int(third.Value)) : null;
            }
            else if (first.Length > 2)
            {
                date = null;
            }
            else
            {
                var (day, month) = monthFirst ? (second, Int(first)) : (Int(first), second);
                if (month > 12 && day <= 12)
                {
                    // "24/12/2026" from an American visitor: only one order makes a date, so it's the one meant.
                    (day, month) = (month, day);
                }

                // A two-part "10.30" is a time far more often than a date; only where dates are written with dots
                // does "24.12." (with its closing dot) count.
                date = third.Success ? Create(FullYear(third.Value, today), month, day)
                    : separator != "." || (match.Groups["dot"].Success && culture.DateTimeFormat.DateSeparator == ".") ? Nearest(month, day, today)
                    : null;
            }

            if (date is { } found)
            {
                yield return found;
            }
        }
    }

    private static IEnumerable<DateOnly> WithMonthName(string[] words, DateOnly today)
    {
        for (var i = 0; i < words.Length; i++)
        {
            if (!LeadAnswerVocabulary.Months.TryGetValue(words[i], out var month))
            {
                continue;
            }

            var day = DayNumber(words, i, -1, out _);
            var yearSearchFrom = i;
            if (day is null)
            {
                day = DayNumber(words, i, +1, out var dayIndex);
                yearSearchFrom = dayIndex;
            }

            if (day is null)
            {
                continue;
            }

            var year = YearAfter(words, yearSearchFrom);
            var date = year is null ? Nearest(month, day.Value, today) : Create(year.Value, month, day.Value);
            if (date is { } found)
            {
                yield return found;
            }
        }
    }

    private static IEnumerable<DateOnly> Relative(string[] words, DateOnly today)
    {
        const int longestPhrase = 4;
        for (var i = 0; i < words.Length; i++)
        {
            for (var n = Math.Min(longestPhrase, words.Length - i); n >= 1; n--)
            {
                var phrase = string.Join(' ', words, i, n);
                if (LeadAnswerVocabulary.RelativeDays.TryGetValue(phrase, out var days) && !MeansMorning(words, i))
                {
                    yield return today.AddDays(days);
                    i += n - 1;
                    break;
                }

                if (LeadAnswerVocabulary.Weekdays.TryGetValue(phrase, out var weekday))
                {
                    // The next such day, never today: "Friday" said on a Friday means next week's.
                    var ahead = ((int)weekday - (int)today.DayOfWeek + 7) % 7;
                    yield return today.AddDays(ahead == 0 ? 7 : ahead);
                    i += n - 1;
                    break;
                }
            }
        }
    }

    /// <summary>"Montag morgen", "por la mañana": the word for tomorrow doubles as "morning" after a day or an article.</summary>
    private static bool MeansMorning(string[] words, int index) =>
        index > 0 && (words[index] is "morgen" && (LeadAnswerVocabulary.Weekdays.ContainsKey(words[index - 1]) || words[index - 1] is "heute")
            || words[index] is "manana" && words[index - 1] is "la" or "esta");

    private static int? DayNumber(string[] words, int monthIndex, int step, out int dayIndex)
    {
        dayIndex = -1;
        var j = monthIndex + step;
        for (var skipped = 0; j >= 0 && j < words.Length && LeadAnswerVocabulary.DateFillers.Contains(words[j]) && skipped < MaxFillers; skipped++)
        {
            j += step;
        }

        if (j < 0 || j >= words.Length)
        {
            return null;
        }

        var match = DayToken().Match(words[j]);
        if (!match.Success)
        {
            return null;
        }

        dayIndex = j;
        var day = Int(match.Groups["n"].Value);
        return day is >= 1 and <= 31 ? day : null;
    }

    private static int? YearAfter(string[] words, int index)
    {
        var j = index + 1;
        for (var skipped = 0; j < words.Length && LeadAnswerVocabulary.DateFillers.Contains(words[j]) && skipped < MaxFillers; skipped++)
        {
            j++;
        }

        return j < words.Length && words[j].Length == 4 && words[j].All(char.IsAsciiDigit) ? Int(words[j]) : null;
    }

    /// <summary>
    /// A date without a year is the occurrence closest to today (a tie goes to the future): "12/20" said on Dec 24 is
    /// four days ago, not next year; "01/05" said on Dec 24 is in twelve days. Lead questions ask both ways.
    /// </summary>
    private static DateOnly? Nearest(int month, int day, DateOnly today) =>
        new[] { today.Year - 1, today.Year, today.Year + 1 }
            .Select(year => Create(year, month, day))
            .OfType<DateOnly>()
            .OrderBy(date => Math.Abs(date.DayNumber - today.DayNumber))
            .ThenByDescending(date => date.DayNumber)
            .Cast<DateOnly?>()
            .FirstOrDefault();

    private static int FullYear(string year, DateOnly today)
    {
        var value = Int(year);
        if (year.Length != 2)
        {
            return value;
        }

        // "26" is 2026; a two-digit year more than ten years ahead is last century's ("85" → 1985).
        var century = today.Year / 100 * 100;
        return century + value > today.Year + 10 ? century - 100 + value : century + value;
    }

    private static DateOnly? Create(int year, int month, int day) =>
        year is >= 1900 and <= 2200 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;

    private static int Int(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(?<![0-9./-])(?<a>[0-9]{1,4})(?<sep>[./-])(?<b>[0-9]{1,2})(?:\k<sep>(?<c>[0-9]{4}|[0-9]{2}))?(?<dot>\.(?![0-9]))?(?![0-9/-]|[.][0-9])")]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"^(?<n>[0-9]{1,2})(?:st|nd|rd|th|er|re|e|eme|o|a)?$")]
    private static partial Regex DayToken();
}
