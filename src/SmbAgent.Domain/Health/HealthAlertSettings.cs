namespace SmbAgent.Health;

/// <summary>The platform's alert thresholds (host data, a single row). A null threshold is not watched.</summary>
public sealed class HealthAlertSettings
{
    public static readonly Guid SingletonId = new("00000000-0000-0000-0000-000000000002");

    public Guid Id { get; private set; } = SingletonId;

    /// <summary>Resident memory of the instance that evaluates, in MB.</summary>
    public int? MemoryMb { get; set; }

    /// <summary>Redis failures in a row (failed connections and pings since the last success).</summary>
    public int? RedisConsecutiveFailures { get; set; }

    /// <summary>Chat and voice sessions active at once, across businesses.</summary>
    public int? ActiveSessions { get; set; }

    /// <summary>Jobs in the job store's failed list.</summary>
    public int? FailedJobs { get; set; }

    public DateTimeOffset? LastModificationTime { get; set; }
}
