namespace SmbAgent.KnowledgeBase.Embeddings;

public static class EmbeddingProviders
{
    /// <summary>The local model service in <c>embeddings/</c> (started by scripts/services.sh).</summary>
    public const string Local = "local";

    public const string OpenAI = "openai";
}
