using System.Globalization;

namespace SmbAgent.Notifications.Sms;

internal static class SmsText
{
    // ASCII dots rather than "…": one character outside the GSM alphabet turns the whole message into UCS-2,
    // 70 instead of 160 characters a segment, more than doubling the segments billed.
    private const string Ellipsis = "...";

    // A cut this close to the limit loses little; a word boundary further back would waste the owner's text.
    private const int WordBoundaryWindow = 40;

    /// <summary>
    /// Fits <paramref name="text"/> into <paramref name="maxLength"/> UTF-16 code units: whole text elements only
    /// (never half an emoji or a letter without its accent), at a word boundary near the end when there is one.
    /// </summary>
    public static (string Text, bool Truncated) Fit(string text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return (text, false);
        }

        var limit = maxLength - Ellipsis.Length;
        var end = 0;
        while (end < text.Length)
        {
            var next = StringInfo.GetNextTextElementLength(text, end);
            if (end + next > limit)
            {
                break;
            }

            end += next;
        }

        var window = Math.Min(end, WordBoundaryWindow);
        var space = window == 0 ? -1 : text.AsSpan(end - window, window).LastIndexOfAny(' ', '\n', '\t');
        if (space > 0)
        {
            end = end - window + space;
        }

        return (text[..end].TrimEnd() + Ellipsis, true);
    }
}
