namespace SmbAgent.KnowledgeBase.Ingestion;

/// <summary>Swaps a source's passages in one transaction: readers see the old set or the new one, never a mix.</summary>
public interface IKnowledgeIndexWriter
{
    Task ReplaceChunksAsync(KnowledgeSource source, IReadOnlyList<IndexedChunk> chunks, string model, CancellationToken cancellationToken);

    /// <summary>
    /// Gives a source's passages the vectors of <paramref name="model"/> and drops every other model's, in one
    /// transaction with the source's new <see cref="KnowledgeSource.EmbeddingModel"/>.
    /// </summary>
    Task ReplaceEmbeddingsAsync(KnowledgeSource source, IReadOnlyDictionary<Guid, float[]> vectorsByChunk, string model, CancellationToken cancellationToken);

    /// <summary>Removes a source's passages and their embeddings (the source was deleted).</summary>
    Task RemoveChunksAsync(Guid sourceId, CancellationToken cancellationToken);
}

public sealed record IndexedChunk(string Title, string Text, int TokenCount, float[] Embedding);
