namespace SmbAgent.KnowledgeBase;

public sealed class KnowledgeBaseOptions
{
    public const string SectionName = "KnowledgeBase";

    /// <summary>Development and tests only: lets URL sources point at 127.0.0.1/::1. Private and link-local addresses stay refused.</summary>
    public bool AllowLoopbackUrls { get; set; }

    public int MaxPageBytes { get; set; } = 2 * 1024 * 1024;

    public int FetchTimeoutSeconds { get; set; } = 10;

    public int MaxRedirects { get; set; } = 5;

    public int EmbeddingBatchSize { get; set; } = 32;
}
