namespace SmbAgent.Usage;

public static class UsageMetrics
{
    public const string Conversations = "conversations";

    public static DateOnly MonthOf(DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        return new DateOnly(utc.Year, utc.Month, 1);
    }
}
