using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using SmbAgent.Caching;
using SmbAgent.Conversations.Turns;
using SmbAgent.Data;
using SmbAgent.Tenancy;

namespace SmbAgent.Conversations.State;

/// <summary>
/// Keeps each conversation's <see cref="ConversationHotState"/> between turns: in Redis, and in memory when Redis is
/// down (HybridCache over <see cref="ResilientDistributedCache"/>). A miss is rebuilt from PostgreSQL in one query.
/// Entries are keyed by tenant and conversation; the channel's key (a chat token's hash, a call's SID) leads to the
/// conversation through a second, immutable entry. A copy may be stale (another host's memory, Redis back with old data): the conversation's row
/// version makes the turn that read it fail to save instead of overwriting newer state.
/// </summary>
public sealed class ConversationStateCache(ISmbAgentDbContext db, ICurrentTenant currentTenant, HybridCache cache, Health.FallbackSessions fallback)
{
    private const string StateCacheName = "conversation-state";
    private const string KeyCacheName = "conversation-key";

    private static readonly HybridCacheEntryOptions Entry = new()
    {
        Expiration = TimeSpan.FromMinutes(30),
        LocalCacheExpiration = TimeSpan.FromSeconds(30),
    };

    private static readonly HybridCacheEntryOptions ReadOnly = new()
    {
        Flags = HybridCacheEntryFlags.DisableUnderlyingData | HybridCacheEntryFlags.DisableLocalCacheWrite | HybridCacheEntryFlags.DisableDistributedCacheWrite,
    };

    /// <summary>The current tenant's conversation with this channel key, from the cache or else the database.</summary>
    public async Task<ConversationHotState?> FindAsync(ConversationKey key, CancellationToken cancellationToken = default)
    {
        var tenantId = RequireTenant();
        var conversationId = await cache.GetOrCreateAsync(
            ChannelKeyEntry(tenantId, key.Channel, key.Hash), static _ => ValueTask.FromResult<Guid?>(null), ReadOnly, cancellationToken: cancellationToken);
        if (conversationId is { } id && await cache.GetOrCreateAsync(
                StateKey(tenantId, id), static _ => ValueTask.FromResult<ConversationHotState?>(null), ReadOnly, cancellationToken: cancellationToken) is { } cached)
        {
            return cached;
        }

        var rebuilt = await LoadAsync(key, cancellationToken);
        if (rebuilt is not null)
        {
            await AddAsync(rebuilt, cancellationToken);
        }

        return rebuilt;
    }

    /// <summary>Remembers a new conversation, or one just rebuilt, under its channel key too.</summary>
    public async Task AddAsync(ConversationHotState state, CancellationToken cancellationToken = default)
    {
        var conversation = state.Conversation;
        await cache.SetAsync<Guid?>(
            ChannelKeyEntry(conversation.TenantId, conversation.Channel, conversation.TokenHash), conversation.Id, Entry, [TenantCacheKey.Tag(conversation.TenantId)], cancellationToken);
        await SetAsync(state, cancellationToken);
    }

    /// <summary>Replaces the state after a saved turn.</summary>
    public async Task SetAsync(ConversationHotState state, CancellationToken cancellationToken = default)
    {
        await cache.SetAsync(
            StateKey(state.Conversation.TenantId, state.Conversation.Id), state, Entry, [TenantCacheKey.Tag(state.Conversation.TenantId)], cancellationToken);
        fallback.Saved(state.Conversation.Id);
    }

    /// <summary>
    /// Drops the cached state, so the next turn reads the conversation from the database. Call it after changing a
    /// conversation outside a turn (e.g. the owner taking over); it needs only the tenant and the conversation's id.
    /// Another host's in-memory copy lives on for at most its local lifetime (30 s); a turn that starts from it fails
    /// to save on the row version and runs again from the database.
    /// </summary>
    public async Task EvictAsync(Guid tenantId, Guid conversationId, CancellationToken cancellationToken = default) =>
        await cache.RemoveAsync(StateKey(tenantId, conversationId), cancellationToken);

    private Guid RequireTenant() =>
        currentTenant.Id ?? throw new BusinessException("Tenancy:NoTenant", "A conversation belongs to a business.", 403);

    private static string StateKey(Guid tenantId, Guid conversationId) => TenantCacheKey.For(tenantId, StateCacheName, conversationId.ToString("N"));

    private static string ChannelKeyEntry(Guid tenantId, ConversationChannel channel, string hash) =>
        TenantCacheKey.For(tenantId, KeyCacheName, $"{channel:D}:{hash}");

    /// <summary>The conversation and its latest visitor messages, in one round trip.</summary>
    private async Task<ConversationHotState?> LoadAsync(ConversationKey key, CancellationToken cancellationToken)
    {
        var row = await db.Conversations.AsNoTracking()
            .Where(c => c.TokenHash == key.Hash && c.Channel == key.Channel)
            .Select(c => new
            {
                Conversation = c,
                Visitors = db.ConversationMessages
                    .Where(m => m.ConversationId == c.Id && m.Role == MessageRole.Visitor)
                    .OrderByDescending(m => m.Sequence)
                    .Take(ConversationHotState.KeptVisitorMessages + 1)
                    .Select(m => new VisitorMessageStamp(m.Sequence, m.IdempotencyKey, m.CreationTime))
                    .ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var visitors = row.Visitors.Take(ConversationHotState.KeptVisitorMessages).Reverse().ToList();
        return new ConversationHotState(row.Conversation, visitors, row.Visitors.Count <= ConversationHotState.KeptVisitorMessages, []);
    }
}
