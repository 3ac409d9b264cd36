using SmbAgent.Features;
using SmbAgent.Usage;

namespace SmbAgent.Conversations.Turns;

/// <summary>The monthly usage a conversation of each channel takes, and the plan's feature that limits it.</summary>
public static class ChannelQuotas
{
    private static readonly Dictionary<ConversationChannel, ChannelQuota> All = new()
    {
        [ConversationChannel.Chat] = new(UsageMetrics.Conversations, SmbFeatures.Chat.MaxConversationsPerMonth),
        // A call's first turn takes its first minute; its final status callback adds the rest (CallLogManager).
        [ConversationChannel.Voice] = new(UsageMetrics.VoiceMinutes, SmbFeatures.Voice.MaxMinutesPerMonth),
    };

    /// <summary>A channel with no quota named here serves nobody: the plan must say what it allows first.</summary>
    public static ChannelQuota For(ConversationChannel channel) =>
        All.TryGetValue(channel, out var quota) ? quota : throw new InvalidOperationException($"No quota is defined for the {channel} channel.");
}

/// <param name="Metric">The usage counter a new conversation increments.</param>
/// <param name="LimitFeature">The plan's monthly limit of that counter.</param>
public sealed record ChannelQuota(string Metric, string LimitFeature);
