using SmbAgent.Workspace;

namespace SmbAgent.Conversations;

/// <summary>Opening hours in the business's own time zone: whether it is open now, and when it opens next.</summary>
public static class BusinessClock
{
    public static bool IsOpen(BusinessProfile profile, DateTimeOffset now)
    {
        var local = ToLocal(profile, now);
        var today = DateOnly.FromDateTime(local);
        if (profile.Holidays.Exists(h => h.Date == today))
        {
            return false;
        }

        var time = TimeOnly.FromDateTime(local);
        return profile.Hours.Exists(h => h.Day == local.DayOfWeek && h.IsOpen && time >= h.Opens && time < h.Closes);
    }

    /// <summary>The next opening in the business's local time, within two weeks; null when it never opens.</summary>
    public static DateTime? NextOpening(BusinessProfile profile, DateTimeOffset now)
    {
        var local = ToLocal(profile, now);
        for (var offset = 0; offset < 14; offset++)
        {
            var day = DateOnly.FromDateTime(local).AddDays(offset);
            if (profile.Holidays.Exists(h => h.Date == day))
            {
                continue;
            }

            foreach (var hours in profile.Hours.Where(h => h.Day == day.DayOfWeek && h.IsOpen).OrderBy(h => h.Opens))
            {
                var opening = day.ToDateTime(hours.Opens);
                if (opening > local)
                {
                    return opening;
                }
            }
        }

        return null;
    }

    private static DateTime ToLocal(BusinessProfile profile, DateTimeOffset now)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(profile.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        return TimeZoneInfo.ConvertTime(now, zone).DateTime;
    }
}
