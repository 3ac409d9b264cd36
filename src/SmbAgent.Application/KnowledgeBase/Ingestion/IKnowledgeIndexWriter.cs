namespace SmbAgent.KnowledgeBase.Ingestion;

/// <summary>Swaps a source's passages in one transaction: readers see the old set or the new one, never a mix.</summary>
public interface IKnowledgeIndexWriter
{
    Task ReplaceChunksAsync(KnowledgeSource source, IReadOnlyList<IndexedChunk> chunks, string model, CancellationToken cancellationToken);

    /// <summary>Removes a source's passages and their embeddings (the source was deleted).</summary>
    Task RemoveChunksAsync(Guid sourceId, CancellationToken cancellationToken);
}

public sealed record IndexedChunk(string Title, string Text, int TokenCount, float[] Embedding);
