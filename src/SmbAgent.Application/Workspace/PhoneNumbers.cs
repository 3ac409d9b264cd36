using PhoneNumbers;

namespace SmbAgent.Workspace;

/// <summary>Reads phone numbers the way people type them and stores them in E.164.</summary>
public static class E164PhoneNumbers
{
    /// <summary>
    /// Parses <paramref name="value"/>; a number without a country code is read in <paramref name="country"/>
    /// (ISO 3166 two letters). Null when it is not a valid number.
    /// </summary>
    public static string? Normalize(string? value, string? country)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var util = PhoneNumberUtil.GetInstance();
        try
        {
            var number = util.Parse(value, string.IsNullOrWhiteSpace(country) ? null : country.Trim().ToUpperInvariant());
            return util.IsValidNumber(number) ? util.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    public static bool IsKnownRegion(string? country) =>
        country is { Length: 2 } && PhoneNumberUtil.GetInstance().GetSupportedRegions().Contains(country.ToUpperInvariant());
}
