using System.Collections.Concurrent;
using StackExchange.Redis;

namespace SmbAgent.Health;

/// <summary>
/// Conversations whose latest state this instance could keep only in memory because Redis was down. The in-memory
/// copy lives for the cache's local lifetime; after that a turn rebuilds it from PostgreSQL, so nothing is lost.
/// </summary>
public sealed class FallbackSessions(IConnectionMultiplexer redis, TimeProvider clock)
{
    /// <summary>As long as the conversation state's in-memory copy (<c>ConversationStateCache</c>'s local lifetime).</summary>
    public static readonly TimeSpan HeldFor = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _held = new();

    public void Saved(Guid conversationId)
    {
        if (redis.IsConnected)
        {
            _held.TryRemove(conversationId, out _);
        }
        else
        {
            _held[conversationId] = clock.GetUtcNow();
        }
    }

    public int Count
    {
        get
        {
            Prune();
            return _held.Count;
        }
    }

    /// <summary>Forgets entries whose in-memory copy has expired; returns how many went.</summary>
    public int Prune()
    {
        var cutoff = clock.GetUtcNow() - HeldFor;
        var removed = 0;
        foreach (var (id, time) in _held)
        {
            if (time < cutoff && _held.TryRemove(new KeyValuePair<Guid, DateTimeOffset>(id, time)))
            {
                removed++;
            }
        }

        return removed;
    }
}
