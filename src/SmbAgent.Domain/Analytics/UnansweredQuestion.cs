using SmbAgent.Conversations;
using SmbAgent.Tenancy;

namespace SmbAgent.Analytics;

/// <summary>
/// A visitor's message the knowledge couldn't answer, copied by the roll-up job with its embedding so the analytics
/// page groups similar ones without reading transcripts. Resolved once the owner turned its group into a FAQ entry.
/// </summary>
public sealed class UnansweredQuestion : IMultiTenant
{
    private UnansweredQuestion()
    {
        Text = string.Empty;
    }

    public UnansweredQuestion(Guid id, Guid tenantId, Guid messageId, Guid conversationId, ConversationChannel channel, string text, DateTimeOffset askedTime, DateOnly day)
    {
        Id = id;
        TenantId = tenantId;
        MessageId = messageId;
        ConversationId = conversationId;
        Channel = channel;
        Text = text;
        AskedTime = askedTime;
        Day = day;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    Guid? IMultiTenant.TenantId => TenantId;

    /// <summary>The visitor's message: one row per message, however often its day is recomputed.</summary>
    public Guid MessageId { get; private set; }

    public Guid ConversationId { get; private set; }

    public ConversationChannel Channel { get; private set; }

    public string Text { get; private set; }

    public DateTimeOffset AskedTime { get; private set; }

    /// <summary>The business's local day it was asked on.</summary>
    public DateOnly Day { get; private set; }

    public float[]? Embedding { get; private set; }

    /// <summary>The model <see cref="Embedding"/> came from: vectors of different models are never compared.</summary>
    public string? EmbeddingModel { get; private set; }

    public DateTimeOffset? ResolvedTime { get; private set; }

    /// <summary>The FAQ source the owner wrote for its group.</summary>
    public Guid? FaqSourceId { get; set; }

    public void SetEmbedding(float[] vector, string model)
    {
        Embedding = vector;
        EmbeddingModel = model;
    }

    public void Resolve(DateTimeOffset time) => ResolvedTime = time;
}

public static class UnansweredQuestionConsts
{
    /// <summary>Longer messages are cut: a paragraph is not a question to group, and the FAQ form prefills from it.</summary>
    public const int MaxTextLength = 500;

    public const int MaxModelLength = 128;
}
