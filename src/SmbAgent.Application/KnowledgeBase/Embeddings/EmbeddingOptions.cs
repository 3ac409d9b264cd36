namespace SmbAgent.KnowledgeBase.Embeddings;

/// <summary>The local embeddings service (section <c>Embeddings</c>), used when no OpenAI key is configured.</summary>
public sealed class EmbeddingOptions
{
    public const string SectionName = "Embeddings";

    /// <summary>Base address including <c>/v1</c>: the OpenAI SDK appends <c>/embeddings</c> to it.</summary>
    public Uri Endpoint { get; set; } = new("http://127.0.0.1:58080/v1");

    public string Model { get; set; } = "use-lite-512";

    public int Dimensions { get; set; } = 512;

    /// <summary>Per attempt, for both providers.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after a timeout, 429 or 5xx (the SDK backs off exponentially), for both providers.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>Inputs per request; larger calls are split (the local service accepts at most 256).</summary>
    public int MaxBatchSize { get; set; } = 128;

    /// <summary>
    /// At most this many single texts (concurrent turns' questions) go to the model in one request; the local
    /// model embeds a text several times faster in batches of 16–64 than alone (bench/README.md, chat).
    /// </summary>
    public int MaxCoalescedTexts { get; set; } = 64;
}
