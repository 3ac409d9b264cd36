namespace SmbAgent.KnowledgeBase.Embeddings;

/// <summary>OpenAI settings (section <c>OpenAI</c>); a key here or in <c>OPENAI_API_KEY</c> selects OpenAI embeddings.</summary>
public sealed class OpenAIEmbeddingOptions
{
    public const string SectionName = "OpenAI";

    public const string DefaultEmbeddingModel = "text-embedding-3-small";

    public string? ApiKey { get; set; }

    /// <summary>Null means the real API; tests point it at a local stub (including <c>/v1</c>).</summary>
    public Uri? Endpoint { get; set; }

    public string EmbeddingModel { get; set; } = DefaultEmbeddingModel;

    /// <summary>Needed only for a model whose native size is not known below, or to shorten text-embedding-3 vectors.</summary>
    public int? EmbeddingDimensions { get; set; }

    internal int ResolveDimensions() => EmbeddingDimensions ?? EmbeddingModel switch
    {
        "text-embedding-3-small" or "text-embedding-ada-002" => 1536,
        "text-embedding-3-large" => 3072,
        _ => throw new InvalidOperationException(
            $"OpenAI:EmbeddingDimensions must be set for the embedding model '{EmbeddingModel}'."),
    };
}
