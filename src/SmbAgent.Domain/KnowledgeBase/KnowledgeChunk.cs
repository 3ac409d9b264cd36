using SmbAgent.Tenancy;

namespace SmbAgent.KnowledgeBase;

/// <summary>A passage of a source, searchable by full text (a generated tsvector column) and by its embeddings.</summary>
public sealed class KnowledgeChunk : IMultiTenant
{
    private KnowledgeChunk()
    {
        Title = string.Empty;
        Text = string.Empty;
        TextSearchConfig = "simple";
    }

    public KnowledgeChunk(Guid id, Guid tenantId, Guid sourceId, int position, string title, string text, int tokenCount, string textSearchConfig)
    {
        Id = id;
        TenantId = tenantId;
        SourceId = sourceId;
        Position = position;
        Title = title;
        Text = text;
        TokenCount = tokenCount;
        TextSearchConfig = textSearchConfig;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    Guid? IMultiTenant.TenantId => TenantId;

    public Guid SourceId { get; private set; }

    public int Position { get; private set; }

    /// <summary>A short title for citations: the heading or FAQ question the passage sits under.</summary>
    public string Title { get; private set; }

    public string Text { get; private set; }

    public int TokenCount { get; private set; }

    /// <summary>The PostgreSQL text-search configuration of the source's language (english, spanish, …).</summary>
    public string TextSearchConfig { get; private set; }
}
