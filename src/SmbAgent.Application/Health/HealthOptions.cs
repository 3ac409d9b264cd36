namespace SmbAgent.Health;

/// <summary>Health monitoring and alerts (bound from <c>Health</c>).</summary>
public sealed class HealthOptions
{
    public const string SectionName = "Health";

    /// <summary>A conversation with a message this recently is an active session.</summary>
    public TimeSpan ActiveSessionWindow { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Cron expression (UTC) of the alert evaluation.</summary>
    public string AlertSchedule { get; set; } = "* * * * *";
}
