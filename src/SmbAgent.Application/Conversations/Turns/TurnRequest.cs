namespace SmbAgent.Conversations.Turns;

/// <param name="Text">What the visitor wrote or the caller said, already validated by the channel.</param>
/// <param name="IdempotencyKey">Chosen by the channel per message, so a retried message is answered once.</param>
public sealed record TurnRequest(ConversationKey Key, string Text, string IdempotencyKey);
