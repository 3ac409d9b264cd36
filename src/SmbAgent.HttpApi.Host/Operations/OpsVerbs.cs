using System.Globalization;
using SmbAgent.Health;
using StackExchange.Redis;

namespace SmbAgent.HttpApi.Operations;

/// <summary>
/// The API host's operations verbs: <c>redis-stats</c>, <c>cleanup-sessions</c> and <c>memory-monitor [--seconds N]</c>.
/// Each runs against the configured database and Redis and exits; none starts the web server or the job server.
/// </summary>
public static class OpsVerbs
{
    public const string RedisStats = "redis-stats";
    public const string CleanupSessions = "cleanup-sessions";
    public const string MemoryMonitor = "memory-monitor";

    public static string? Find(IReadOnlyList<string> args) =>
        args.FirstOrDefault(a => a is RedisStats or CleanupSessions or MemoryMonitor);

    public static async Task<int> RunAsync(string verb, IServiceProvider services, IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        switch (verb)
        {
            case RedisStats:
                try
                {
                    RedisStatistics.Print(await sp.GetRequiredService<RedisStatistics>().CollectAsync(cancellationToken), output);
                    return 0;
                }
                catch (RedisException e)
                {
                    await output.WriteLineAsync($"Redis is not reachable: {e.GetType().Name}");
                    return 1;
                }

            case CleanupSessions:
                var result = await sp.GetRequiredService<SessionCleanup>().RunAsync(cancellationToken);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"Closed {result.IdleSessionsClosed} idle session(s) in the cache; dropped {result.FallbackEntriesDropped} expired fallback entry(ies)."));
                return 0;

            case MemoryMonitor:
                if (Seconds(args) is not { } seconds)
                {
                    await output.WriteLineAsync("Usage: memory-monitor [--seconds N] (N from 1 to 86400; default 10)");
                    return 2;
                }

                await MonitorMemoryAsync(seconds, sp.GetRequiredService<TimeProvider>(), output, cancellationToken);
                return 0;

            default:
                return 2;
        }
    }

    private static int? Seconds(IReadOnlyList<string> args)
    {
        var at = args.ToList().IndexOf("--seconds");
        if (at < 0)
        {
            return 10;
        }

        return at + 1 < args.Count && int.TryParse(args[at + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 86_400
            ? n
            : null;
    }

    private static async Task MonitorMemoryAsync(int seconds, TimeProvider clock, TextWriter output, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), clock);
        for (var tick = 0; tick < seconds; tick++)
        {
            var m = MemoryMeter.Measure();
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{clock.GetUtcNow():HH:mm:ss}  heap {m.HeapUsedMb,8:0.0} MB / {m.HeapTotalMb,8:0.0} MB ({m.HeapPercent,5:0.0} %)  RSS {m.RssMb,8:0.0} MB  GC {m.Gen0Collections}/{m.Gen1Collections}/{m.Gen2Collections}"));
            if (tick + 1 < seconds && !await timer.WaitForNextTickAsync(cancellationToken))
            {
                break;
            }
        }
    }
}
