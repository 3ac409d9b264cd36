using Microsoft.Extensions.AI;

namespace SmbAgent.KnowledgeBase.Embeddings;

/// <summary>A model that is no longer the current one but can still embed questions for vectors not yet re-embedded.</summary>
public sealed record PreviousEmbeddingModel(EmbeddingModelInfo Info, IEmbeddingGenerator<string, Embedding<float>> Generator);
