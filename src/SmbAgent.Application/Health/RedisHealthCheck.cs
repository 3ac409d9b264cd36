using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace SmbAgent.Health;

/// <summary>Pings Redis through the shared connection. Down means degraded, not failed: the app runs on its in-memory cache.</summary>
public sealed class RedisHealthCheck(IConnectionMultiplexer redis, RedisConnectionMonitor monitor) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var latency = await redis.GetDatabase().PingAsync().WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
            monitor.RecordPing(succeeded: true);
            return HealthCheckResult.Healthy($"Ping {latency.TotalMilliseconds:0.#} ms");
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            monitor.RecordPing(succeeded: false, ex.GetType().Name);
            return new HealthCheckResult(context.Registration.FailureStatus, "Redis is unreachable; caching in memory only.");
        }
    }
}
