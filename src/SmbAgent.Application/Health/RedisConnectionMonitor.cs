using StackExchange.Redis;

namespace SmbAgent.Health;

/// <summary>
/// Redis as this instance saw it: the shared multiplexer's connection events plus the health check's pings.
/// Consecutive failures count failed connections and pings since the last success; every try after a failure, failed
/// or not, is a reconnect attempt.
/// </summary>
public sealed class RedisConnectionMonitor(TimeProvider clock)
{
    private readonly Lock _lock = new();
    private int _reconnectAttempts;
    private int _consecutiveFailures;
    private string? _lastError;
    private DateTimeOffset? _lastErrorTime;
    private bool? _lastPingSucceeded;

    public IConnectionMultiplexer? Multiplexer { get; private set; }

    public void Attach(IConnectionMultiplexer multiplexer)
    {
        Multiplexer = multiplexer;
        multiplexer.ConnectionFailed += (_, e) =>
        {
            // Interactive only: the subscription connection fails and restores alongside it and would count twice.
            if (e.ConnectionType == ConnectionType.Interactive)
            {
                Fail($"{e.FailureType}");
            }
        };
        multiplexer.ConnectionRestored += (_, e) =>
        {
            if (e.ConnectionType == ConnectionType.Interactive)
            {
                Succeed();
            }
        };
    }

    public void RecordPing(bool succeeded, string? error = null)
    {
        if (succeeded)
        {
            Succeed();
        }
        else
        {
            Fail(error ?? "Ping failed");
        }
    }

    public RedisHealthDto Snapshot()
    {
        lock (_lock)
        {
            var connected = (Multiplexer?.IsConnected ?? false) && _lastPingSucceeded != false;
            return new RedisHealthDto(connected, _reconnectAttempts, _consecutiveFailures, _lastError, _lastErrorTime);
        }
    }

    private void Fail(string error)
    {
        lock (_lock)
        {
            _consecutiveFailures++;
            _reconnectAttempts += _consecutiveFailures > 1 ? 1 : 0;
            _lastError = error;
            _lastErrorTime = clock.GetUtcNow();
            _lastPingSucceeded = false;
        }
    }

    private void Succeed()
    {
        lock (_lock)
        {
            if (_consecutiveFailures > 0)
            {
                _reconnectAttempts++;
            }

            _consecutiveFailures = 0;
            _lastPingSucceeded = true;
        }
    }
}
