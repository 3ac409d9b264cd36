using System.Globalization;
using Microsoft.Extensions.Configuration;
using StackExchange.Redis;

namespace SmbAgent.Health;

/// <summary>
/// Key counts by prefix and memory figures of the Redis the app uses, walked with SCAN (never KEYS, which blocks the
/// server for the whole key space). Its own short connection, in admin mode for INFO, which the app's shared one never needs.
/// </summary>
public sealed class RedisStatistics(IConfiguration configuration)
{
    private const int PageSize = 1000;

    public async Task<RedisStatisticsResult> CollectAsync(CancellationToken cancellationToken = default)
    {
        var options = ConfigurationOptions.Parse(configuration.GetConnectionString("Redis")
                                                 ?? throw new InvalidOperationException("ConnectionStrings:Redis is not configured."));
        options.AllowAdmin = true;
        options.ConnectTimeout = 2000;
        await using var redis = await ConnectionMultiplexer.ConnectAsync(options);
        var server = redis.GetServers().FirstOrDefault(s => s.IsConnected)
                     ?? throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, "Redis is not reachable.");
        var prefixes = new Dictionary<string, long>(StringComparer.Ordinal);
        long total = 0;
        var cursor = "0";
        do
        {
            cancellationToken.ThrowIfCancellationRequested();
            var reply = (RedisResult[])(await server.ExecuteAsync("SCAN", cursor, "COUNT", PageSize))!;
            cursor = (string)reply[0]!;
            foreach (var key in (RedisKey[])reply[1]!)
            {
                var prefix = PrefixOf(key.ToString());
                prefixes[prefix] = prefixes.GetValueOrDefault(prefix) + 1;
                total++;
            }
        }
        while (cursor != "0");

        var memory = (await server.InfoAsync("memory")).SelectMany(g => g).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        return new RedisStatisticsResult(
            server.EndPoint.ToString() ?? "?",
            total,
            prefixes.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).ToList(),
            memory.GetValueOrDefault("used_memory_human"),
            memory.GetValueOrDefault("used_memory_peak_human"),
            memory.GetValueOrDefault("maxmemory_human"));
    }

    /// <summary>
    /// The instance prefix plus the cache's name (<c>smbagent:t:…:c:conversation-state:…</c> → <c>smbagent:conversation-state</c>),
    /// so every business's entries of one cache count together; other keys by their first two segments.
    /// </summary>
    public static string PrefixOf(string key)
    {
        var segments = key.Split(':');
        var cacheName = Array.IndexOf(segments, "c");
        if (cacheName >= 2 && cacheName + 1 < segments.Length && segments[cacheName - 2] == "t")
        {
            return string.Join(':', segments[..(cacheName - 2)].Append(segments[cacheName + 1]));
        }

        return segments.Length > 1 ? $"{segments[0]}:{segments[1]}" : segments[0];
    }

    public static void Print(RedisStatisticsResult result, TextWriter output)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Redis {result.EndPoint}: {result.TotalKeys} key(s), memory used {result.UsedMemory ?? "?"}, peak {result.PeakMemory ?? "?"}, max {result.MaxMemory ?? "?"}"));
        foreach (var (prefix, count) in result.Prefixes)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count,10}  {prefix}"));
        }
    }
}

public sealed record RedisStatisticsResult(
    string EndPoint, long TotalKeys, IReadOnlyList<KeyValuePair<string, long>> Prefixes, string? UsedMemory, string? PeakMemory, string? MaxMemory);
