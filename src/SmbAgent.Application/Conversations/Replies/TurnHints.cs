namespace SmbAgent.Conversations.Replies;

/// <summary>What the channel may do after the turn's replies; the chat shows them, a phone line acts on them.</summary>
/// <param name="EndsConversation">Nothing more can be said in this conversation.</param>
/// <param name="Transfer">The visitor asked for a person: a phone line may put the call through.</param>
/// <param name="Voicemail">The assistant can't serve: a phone line may take a message instead.</param>
/// <param name="MaySpeakSsml">The replies may be spoken with SSML (no visitor text is in them).</param>
public sealed record TurnHints(bool EndsConversation, bool Transfer, bool Voicemail, bool MaySpeakSsml)
{
    public static readonly TurnHints None = new(false, false, false, false);
}
