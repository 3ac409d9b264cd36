using SmbAgent.Data;
using SmbAgent.Tenancy;

namespace SmbAgent.Conversations;

/// <summary>One line of a transcript. A visitor's message carries the client's idempotency key, unique per conversation.</summary>
public sealed class ConversationMessage : IMultiTenant, IHasCreationTime
{
    private ConversationMessage()
    {
        Text = string.Empty;
        Citations = [];
    }

    public ConversationMessage(Guid id, Guid tenantId, Guid conversationId, int sequence, MessageRole role, string text)
    {
        Id = id;
        TenantId = tenantId;
        ConversationId = conversationId;
        Sequence = sequence;
        Role = role;
        Text = text;
        Citations = [];
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    Guid? IMultiTenant.TenantId => TenantId;

    public Guid ConversationId { get; private set; }

    /// <summary>Position in the transcript, from 1.</summary>
    public int Sequence { get; private set; }

    public MessageRole Role { get; private set; }

    public string Text { get; private set; }

    public string? IdempotencyKey { get; set; }

    /// <summary>The knowledge sources an agent's answer came from.</summary>
    public List<MessageCitation> Citations { get; set; }

    /// <summary>What an agent's message meant (the engine's reply, as JSON), so a retry replays it exactly; null before it was kept.</summary>
    public string? Reply { get; set; }

    public DateTimeOffset CreationTime { get; set; }

    /// <summary>On a visitor's message: how long its turn spent embedding and searching; null when it did neither.</summary>
    public int? RetrievalMilliseconds { get; set; }

    /// <summary>On a visitor's message: how long its turn waited for the assistant (model or local rules).</summary>
    public int? ModelMilliseconds { get; set; }

    /// <summary>On a caller's message: how long the reply's speech took to synthesise (or fetch from the audio cache).</summary>
    public int? SpeechMilliseconds { get; set; }
}
