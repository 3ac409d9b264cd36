namespace SmbAgent.KnowledgeBase;

public sealed class KnowledgeBaseOptions
{
    public const string SectionName = "KnowledgeBase";

    /// <summary>Development and tests only: lets URL sources point at 127.0.0.1/::1. Private and link-local addresses stay refused.</summary>
    public bool AllowLoopbackUrls { get; set; }

    /// <summary>Where the API host is served: like the admin (<c>Notifications:AdminUrl</c>), never fetched as a URL source.</summary>
    public Uri? ApiUrl { get; set; } = new("http://127.0.0.1:5020");

    public int MaxPageBytes { get; set; } = 2 * 1024 * 1024;

    public int FetchTimeoutSeconds { get; set; } = 10;

    public int MaxRedirects { get; set; } = 5;

    public int EmbeddingBatchSize { get; set; } = 32;
}
