using SmbAgent.Conversations.Turns;

namespace SmbAgent.Conversations.State;

/// <summary>
/// A conversation as a turn needs it, kept between turns so a turn need not read the database: the row itself
/// (with its <see cref="Conversation.Version"/>, which the next save checks), the latest visitor messages' keys and
/// times (for idempotency and the per-minute limit) and the latest turns as they were answered, in no channel's shape (for replays).
/// PostgreSQL stays the truth: this is rebuilt from it on a miss and dropped after any change made outside a turn.
/// </summary>
/// <param name="VisitorMessages">The latest visitor messages, oldest first, at most <see cref="KeptVisitorMessages"/>.</param>
/// <param name="HasEveryVisitorMessage">Whether <paramref name="VisitorMessages"/> is the conversation's whole list,
/// so an idempotency key not in it is certainly new.</param>
/// <param name="RecentTurns">The latest turns exactly as returned, oldest first, at most <see cref="KeptTurns"/>.</param>
public sealed record ConversationHotState(
    Conversation Conversation,
    IReadOnlyList<VisitorMessageStamp> VisitorMessages,
    bool HasEveryVisitorMessage,
    IReadOnlyList<TurnResult> RecentTurns)
{
    /// <summary>Enough for the per-minute limit and for the keys of most whole conversations.</summary>
    public const int KeptVisitorMessages = 50;

    /// <summary>A retry follows its message closely; older replays are read from the database.</summary>
    public const int KeptTurns = 3;

    /// <summary>A conversation just started: nothing sent yet.</summary>
    public static ConversationHotState New(Conversation conversation) => new(conversation, [], true, []);

    /// <summary>The stored answer to the message sent with this key, if kept here.</summary>
    public TurnResult? FindTurn(string idempotencyKey)
    {
        var sequence = VisitorMessages.FirstOrDefault(m => m.IdempotencyKey == idempotencyKey)?.Sequence;
        return sequence is null ? null : RecentTurns.FirstOrDefault(t => t.Message.Sequence == sequence);
    }

    /// <summary>False when the key is certainly new; true when a message with it may exist in the database.</summary>
    public bool MayHaveReceived(string idempotencyKey) =>
        !HasEveryVisitorMessage || VisitorMessages.Any(m => m.IdempotencyKey == idempotencyKey);

    public int VisitorMessagesSince(DateTimeOffset since) => VisitorMessages.Count(m => m.CreationTime > since);

    /// <summary>The state after a saved turn: <paramref name="conversation"/> as saved, the turn remembered.</summary>
    public ConversationHotState After(Conversation conversation, TurnResult turn, string idempotencyKey)
    {
        var visitors = VisitorMessages.Append(new VisitorMessageStamp(turn.Message.Sequence, idempotencyKey, turn.Message.CreationTime)).ToList();
        return new ConversationHotState(
            conversation,
            [.. visitors.TakeLast(KeptVisitorMessages)],
            HasEveryVisitorMessage && visitors.Count <= KeptVisitorMessages,
            [.. RecentTurns.Append(turn).TakeLast(KeptTurns)]);
    }
}

public sealed record VisitorMessageStamp(int Sequence, string? IdempotencyKey, DateTimeOffset CreationTime);
