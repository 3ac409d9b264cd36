using PhoneNumbers;

namespace SmbAgent.Conversations.LeadCapture;

/// <summary>
/// Reads a phone number the way visitors type it — spaces, dashes, dots, parentheses, "+" or "00", inside a sentence —
/// with the business's country for numbers without a country code, and writes it in E.164.
/// </summary>
/// <remarks>
/// It requires <c>IsValidNumber</c> (a number in an allocated range of its country), not just <c>IsPossibleNumber</c>
/// (a plausible length): the number is how the owner reaches the lead, a dropped or extra digit is the typical typo,
/// and the cheapest moment to catch it is while the visitor is still in the chat. The business's own phone is checked
/// the same way (<see cref="SmbAgent.Workspace.E164PhoneNumbers"/>). The cost — a number from a range newer than the
/// library's metadata is re-asked once — is bounded, because the engine moves on after one re-ask.
/// </remarks>
internal static class PhoneAnswerReader
{
    /// <summary>The region libphonenumber uses when it must not assume any: only "+"-prefixed numbers parse.</summary>
    private const string UnknownRegion = "ZZ";

    public static string RegionOf(string? country)
    {
        var region = country?.Trim().ToUpperInvariant();
        return region is { Length: 2 } && PhoneNumberUtil.GetInstance().GetSupportedRegions().Contains(region) ? region : UnknownRegion;
    }

    /// <summary>(E.164, how to show it back) for the first valid number in <paramref name="text"/>; null when there is none.</summary>
    public static (string E164, string Display)? Read(string text, string region)
    {
        var util = PhoneNumberUtil.GetInstance();
        var number = ParseWhole(util, text, region)
            ?? util.FindNumbers(text, region, PhoneNumberUtil.Leniency.VALID, long.MaxValue).Select(m => m.Number).FirstOrDefault();
        if (number is null)
        {
            return null;
        }

        // Shown back the way the visitor knows it: nationally for the business's own country, internationally otherwise.
        var display = util.GetRegionCodeForNumber(number) == region
            ? util.Format(number, PhoneNumberFormat.NATIONAL)
            : util.Format(number, PhoneNumberFormat.INTERNATIONAL);
        return (util.Format(number, PhoneNumberFormat.E164), display);
    }

    /// <summary>The region's example number as people write it there, for the re-ask hint.</summary>
    public static string Example(string region)
    {
        var util = PhoneNumberUtil.GetInstance();
        var example = region == UnknownRegion ? null : util.GetExampleNumber(region);
        return example is null ? "+1 201-555-0123" : util.Format(example, PhoneNumberFormat.NATIONAL);
    }

    /// <summary>
    /// A bare number ("+44 (0)20 7946 0958", "0049 30 1234567") parses whole. Text with letters goes to the matcher
    /// instead, because the whole-string parser would read the letters as a keypad number ("call me" = 2255 63).
    /// </summary>
    private static PhoneNumber? ParseWhole(PhoneNumberUtil util, string text, string region)
    {
        if (text.Any(char.IsLetter))
        {
            return null;
        }

        try
        {
            var number = util.Parse(text, region);
            return util.IsValidNumber(number) ? number : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
