using SmbAgent.Voice;

namespace SmbAgent.Conversations.Turns;

/// <summary>
/// How a channel names its conversation: the chat widget by its token's hash, a phone call by its call's SID. Only the
/// hash is ever kept, so a key read from a log or the cache never opens the conversation.
/// </summary>
public sealed record ConversationKey(ConversationChannel Channel, string Hash)
{
    public static ConversationKey ForChatToken(string token) =>
        new(ConversationChannel.Chat, string.IsNullOrWhiteSpace(token) || token.Length > 100 ? string.Empty : ConversationTokens.Hash(token));

    /// <summary>A call's conversation: Twilio names the call by its SID in every webhook of it.</summary>
    public static ConversationKey ForCall(string callSid) =>
        new(ConversationChannel.Voice, string.IsNullOrWhiteSpace(callSid) || callSid.Length > VoiceConsts.CallSidLength ? string.Empty : ConversationTokens.Hash(callSid));
}
