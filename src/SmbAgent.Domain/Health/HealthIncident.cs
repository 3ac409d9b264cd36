namespace SmbAgent.Health;

/// <summary>
/// One crossing of one threshold, open until the measure is back under it. At most one open incident per kind
/// (a unique index), so instances evaluating at once alert once.
/// </summary>
public sealed class HealthIncident
{
    private HealthIncident()
    {
        Kind = string.Empty;
    }

    public HealthIncident(Guid id, string kind, long threshold, long observed, DateTimeOffset openedTime)
    {
        Id = id;
        Kind = kind;
        Threshold = threshold;
        Observed = observed;
        PeakObserved = observed;
        OpenedTime = openedTime;
    }

    public Guid Id { get; private set; }

    /// <summary>One of <see cref="HealthIncidentKinds"/>.</summary>
    public string Kind { get; private set; }

    public long Threshold { get; private set; }

    /// <summary>The measure when the incident opened.</summary>
    public long Observed { get; private set; }

    public long PeakObserved { get; set; }

    public DateTimeOffset OpenedTime { get; private set; }

    public DateTimeOffset? ClosedTime { get; set; }

    public DateTimeOffset? AlertSentTime { get; set; }

    public DateTimeOffset? RecoverySentTime { get; set; }
}

public static class HealthIncidentKinds
{
    public const string Memory = "Memory";
    public const string Redis = "Redis";
    public const string ActiveSessions = "ActiveSessions";
    public const string FailedJobs = "FailedJobs";

    public const int MaxLength = 32;
}
