using Microsoft.EntityFrameworkCore;
using SmbAgent.Data;

namespace SmbAgent.Leads;

/// <summary>The business's own clock, in which the follow-up pages show times and read day filters.</summary>
internal static class BusinessTime
{
    public static async Task<TimeZoneInfo> ZoneAsync(ISmbAgentDbContext db, CancellationToken cancellationToken)
    {
        var id = await db.BusinessProfiles.AsNoTracking().Select(p => p.TimeZone).FirstOrDefaultAsync(cancellationToken);
        return id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
    }

    /// <summary>The instant the day starts there, in UTC (the only offset PostgreSQL's timestamptz parameters take).</summary>
    public static DateTimeOffset StartOfDay(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);

        // Where daylight saving starts at midnight, the day begins at the first clock time that exists.
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    public static DateTimeOffset Local(DateTimeOffset time, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(time, zone);

    public static DateTimeOffset? Local(DateTimeOffset? time, TimeZoneInfo zone) => time is { } t ? Local(t, zone) : null;
}
