namespace SmbAgent.Health;

/// <summary>Alert thresholds; null (or absent) switches that alert off.</summary>
public sealed record HealthAlertThresholdsDto(int? MemoryMb, int? RedisConsecutiveFailures, int? ActiveSessions, int? FailedJobs);

public sealed record HealthIncidentDto(
    Guid Id, string Kind, long Threshold, long Observed, long PeakObserved, DateTimeOffset OpenedTime, DateTimeOffset? ClosedTime,
    DateTimeOffset? AlertSentTime, DateTimeOffset? RecoverySentTime);
