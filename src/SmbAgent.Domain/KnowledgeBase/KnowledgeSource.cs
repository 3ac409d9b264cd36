using SmbAgent.Data;
using SmbAgent.Tenancy;

namespace SmbAgent.KnowledgeBase;

/// <summary>
/// One piece of the business's own content the agent may answer from. Its chunks are replaced as a whole
/// each time it is indexed, so readers never see a half-indexed source.
/// </summary>
public sealed class KnowledgeSource : IMultiTenant, ISoftDelete, IHasCreationTime
{
    private KnowledgeSource()
    {
        Title = string.Empty;
        Language = KnowledgeLanguages.Default;
        Content = string.Empty;
    }

    public KnowledgeSource(Guid id, Guid tenantId, KnowledgeSourceKind kind, string title, string language)
    {
        Id = id;
        TenantId = tenantId;
        Kind = kind;
        Title = title;
        Language = language;
        Content = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    Guid? IMultiTenant.TenantId => TenantId;

    public KnowledgeSourceKind Kind { get; private set; }

    public string Title { get; set; }

    /// <summary>The page's URL or the uploaded file's name; null for typed content.</summary>
    public string? Origin { get; set; }

    public string Language { get; set; }

    public KnowledgeSourceStatus Status { get; private set; }

    public string? FailureReason { get; private set; }

    public int ChunkCount { get; private set; }

    /// <summary>The owner's text (text, FAQ, Markdown) or the text extracted from the page or PDF.</summary>
    public string Content { get; set; }

    /// <summary>The uploaded PDF, kept so a failed or re-run ingestion can extract it again.</summary>
    public byte[]? File { get; set; }

    /// <summary>SHA-256 of the text the current chunks were made from.</summary>
    public string? ContentHash { get; private set; }

    /// <summary>The embedding model the current chunks were embedded with.</summary>
    public string? EmbeddingModel { get; private set; }

    public DateTimeOffset CreationTime { get; set; }

    public DateTimeOffset? LastModificationTime { get; set; }

    public DateTimeOffset? IndexedTime { get; private set; }

    /// <summary>When its indexing was last queued (saved, edited, retried, swept); null for sources from before the sweep, read as their creation.</summary>
    public DateTimeOffset? LastQueuedTime { get; private set; }

    public bool IsDeleted { get; set; }

    public DateTimeOffset? DeletionTime { get; set; }

    /// <summary>Queues the source again: new content or a retry after a failure.</summary>
    public void MarkPending(DateTimeOffset now)
    {
        Status = KnowledgeSourceStatus.Pending;
        FailureReason = null;
        LastModificationTime = now;
        LastQueuedTime = now;
    }

    public void MarkIndexing() => Status = KnowledgeSourceStatus.Indexing;

    public void MarkIndexed(string contentHash, string embeddingModel, int chunkCount, DateTimeOffset now)
    {
        Status = KnowledgeSourceStatus.Indexed;
        FailureReason = null;
        ContentHash = contentHash;
        EmbeddingModel = embeddingModel;
        ChunkCount = chunkCount;
        IndexedTime = now;
    }

    /// <summary>The same passages now carry vectors of another model (the provider changed).</summary>
    public void MarkReembedded(string embeddingModel) => EmbeddingModel = embeddingModel;
}
