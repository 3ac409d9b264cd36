using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SmbAgent.Health;

/// <summary>Healthy when some job server (in any HttpApi.Host instance) sent a heartbeat recently.</summary>
public sealed class JobServerHealthCheck(JobStorage storage, TimeProvider clock) : IHealthCheck
{
    private static readonly TimeSpan MaxHeartbeatAge = TimeSpan.FromMinutes(1);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var servers = storage.GetMonitoringApi().Servers();
        var alive = servers.Count(s => s.Heartbeat is { } beat && now - beat < MaxHeartbeatAge);
        return Task.FromResult(alive > 0
            ? HealthCheckResult.Healthy($"{alive} job server(s) alive")
            : new HealthCheckResult(context.Registration.FailureStatus, "No job server has sent a heartbeat in the last minute."));
    }
}
