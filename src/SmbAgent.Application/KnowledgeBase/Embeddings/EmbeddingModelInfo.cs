namespace SmbAgent.KnowledgeBase.Embeddings;

/// <summary>
/// The embedding model the registered <c>IEmbeddingGenerator</c> uses. Stored with each vector so a
/// provider change can tell which vectors are stale and re-embed them.
/// </summary>
/// <param name="Model">The model name as the provider reports it, e.g. <c>use-lite-512</c> or <c>text-embedding-3-small</c>.</param>
/// <param name="Dimensions">The vector length the model returns.</param>
/// <param name="Provider"><see cref="EmbeddingProviders.Local"/> or <see cref="EmbeddingProviders.OpenAI"/>.</param>
public sealed record EmbeddingModelInfo(string Model, int Dimensions, string Provider = EmbeddingProviders.Local);
