namespace SmbAgent.Health;

/// <summary>Everything <c>/health</c> tells a caller allowed to see details.</summary>
public sealed record HealthSnapshotDto(
    string Status,
    DateTimeOffset Time,
    IReadOnlyDictionary<string, HealthCheckEntryDto> Checks,
    MemoryHealthDto Memory,
    RedisHealthDto Redis,
    SessionHealthDto Sessions,
    TurnTimingHealthDto? Turns,
    DatabaseHealthDto Database,
    JobServerHealthDto Jobs,
    IReadOnlyDictionary<string, ProviderActivityDto> Providers,
    EnvironmentHealthDto Environment);

public sealed record HealthCheckEntryDto(string Status, string? Description, double DurationMs);

public sealed record MemoryHealthDto(
    double HeapUsedMb, double HeapTotalMb, double HeapPercent, double RssMb, int Gen0Collections, int Gen1Collections, int Gen2Collections);

public sealed record RedisHealthDto(bool Connected, int ReconnectAttempts, int ConsecutiveFailures, string? LastError, DateTimeOffset? LastErrorTime);

/// <summary>Counts are null when the database could not be asked.</summary>
public sealed record SessionHealthDto(int? ActiveChat, int? ActiveVoice, int HeldInFallback, int WindowMinutes);

public sealed record DatabaseHealthDto(string Status, string? Description);

/// <summary>Counts are null when the job store could not be asked.</summary>
public sealed record JobServerHealthDto(string Status, long? Enqueued, long? Failed, long? Processing, long? Servers);

public sealed record ProviderActivityDto(DateTimeOffset? LastSuccessTime, DateTimeOffset? LastFailureTime, string? LastError);

public sealed record EnvironmentHealthDto(string Name, string Version, string MachineName, IReadOnlyDictionary<string, bool> ProvidersConfigured);

public static class HealthStatuses
{
    public const string Healthy = "healthy";
    public const string Degraded = "degraded";
    public const string Unhealthy = "unhealthy";
}
