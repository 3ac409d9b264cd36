namespace SmbAgent.SignUp;

/// <summary>The IANA time zones this machine knows, for the sign-up form's list and its validation.</summary>
public static class TimeZones
{
    public const string Default = "America/New_York";

    private static readonly Lazy<IReadOnlyList<TimeZoneChoice>> Choices = new(Load);

    private static readonly Lazy<HashSet<string>> Ids = new(() => Choices.Value.Select(c => c.Id).ToHashSet(StringComparer.Ordinal));

    public static IReadOnlyList<TimeZoneChoice> All => Choices.Value;

    public static bool IsKnown(string? id) => id is not null && Ids.Value.Contains(id);

    private static List<TimeZoneChoice> Load()
    {
        var choices = new Dictionary<string, TimeZoneChoice>(StringComparer.Ordinal);
        foreach (var zone in TimeZoneInfo.GetSystemTimeZones())
        {
            // Windows lists its own ids; the rest of the product stores IANA ids.
            var id = zone.HasIanaId ? zone.Id : TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? iana : null;
            if (id is not null)
            {
                choices.TryAdd(id, new TimeZoneChoice(id, zone.BaseUtcOffset));
            }
        }

        return [.. choices.Values.OrderBy(c => c.Offset).ThenBy(c => c.Id, StringComparer.Ordinal)];
    }
}

/// <summary>An IANA time zone and its standard offset from UTC.</summary>
public sealed record TimeZoneChoice(string Id, TimeSpan Offset)
{
    public string Label => $"(UTC{(Offset < TimeSpan.Zero ? "-" : "+")}{Offset:hh\\:mm}) {Id.Replace('_', ' ')}";
}
