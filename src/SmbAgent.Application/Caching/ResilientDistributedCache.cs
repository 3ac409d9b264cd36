using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;

namespace SmbAgent.Caching;

/// <summary>
/// Wraps the Redis cache so an outage degrades to HybridCache's in-memory level instead of failing
/// requests (ABP's <c>HideErrors</c>). After a failure, Redis is skipped for a short break so requests
/// do not each wait for a timeout; it is tried again afterwards and recovers by itself.
/// </summary>
public sealed partial class ResilientDistributedCache(IDistributedCache inner, TimeProvider clock, ILogger<ResilientDistributedCache> logger)
    : IDistributedCache
{
    private static readonly TimeSpan Break = TimeSpan.FromSeconds(5);
    private long _skipUntilTicks;

    public byte[]? Get(string key) => Try(() => inner.Get(key));

    public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => TryAsync(() => inner.GetAsync(key, token));

    public void Refresh(string key) => Try(() => { inner.Refresh(key); return true; });

    public Task RefreshAsync(string key, CancellationToken token = default) =>
        TryAsync(async () => { await inner.RefreshAsync(key, token); return true; });

    public void Remove(string key) => Try(() => { inner.Remove(key); return true; });

    public Task RemoveAsync(string key, CancellationToken token = default) =>
        TryAsync(async () => { await inner.RemoveAsync(key, token); return true; });

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) =>
        Try(() => { inner.Set(key, value, options); return true; });

    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default) =>
        TryAsync(async () => { await inner.SetAsync(key, value, options, token); return true; });

    private bool IsBroken => clock.GetUtcNow().UtcTicks < Interlocked.Read(ref _skipUntilTicks);

    private T? Try<T>(Func<T> action)
    {
        if (IsBroken)
        {
            return default;
        }

        try
        {
            return action();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Trip(ex);
            return default;
        }
    }

    private async Task<T?> TryAsync<T>(Func<Task<T>> action)
    {
        if (IsBroken)
        {
            return default;
        }

        try
        {
            return await action();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Trip(ex);
            return default;
        }
    }

    private void Trip(Exception ex)
    {
        Interlocked.Exchange(ref _skipUntilTicks, clock.GetUtcNow().Add(Break).UtcTicks);
        LogUnavailable(ex.GetType().Name, Break.TotalSeconds);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Distributed cache unavailable ({Error}); using memory only for {Seconds} s")]
    private partial void LogUnavailable(string error, double seconds);
}
