namespace SmbAgent.Usage;

public static class UsageMetrics
{
    public const string Conversations = "conversations";

    /// <summary>Started minutes of the calls the agent answered.</summary>
    public const string VoiceMinutes = "voice-minutes";

    public static DateOnly MonthOf(DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        return new DateOnly(utc.Year, utc.Month, 1);
    }
}
