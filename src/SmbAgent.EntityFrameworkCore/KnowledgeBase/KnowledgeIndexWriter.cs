using Microsoft.EntityFrameworkCore;
using SmbAgent.EntityFrameworkCore;
using SmbAgent.KnowledgeBase.Ingestion;

namespace SmbAgent.KnowledgeBase;

public sealed class KnowledgeIndexWriter(SmbAgentDbContext db) : IKnowledgeIndexWriter
{
    public async Task ReplaceChunksAsync(KnowledgeSource source, IReadOnlyList<IndexedChunk> chunks, string model, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Embeddings go with their chunks (cascade).
        await db.KnowledgeChunks.Where(c => c.SourceId == source.Id).ExecuteDeleteAsync(cancellationToken);
        var config = KnowledgeLanguages.TextSearchConfiguration(source.Language);
        for (var position = 0; position < chunks.Count; position++)
        {
            var chunk = chunks[position];
            var entity = new KnowledgeChunk(Guid.CreateVersion7(), source.TenantId, source.Id, position, chunk.Title, chunk.Text, chunk.TokenCount, config);
            db.KnowledgeChunks.Add(entity);
            db.ChunkEmbeddings.Add(new ChunkEmbedding(Guid.CreateVersion7(), source.TenantId, entity.Id, model, chunk.Embedding));
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task ReplaceEmbeddingsAsync(KnowledgeSource source, IReadOnlyDictionary<Guid, float[]> vectorsByChunk, string model, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.ChunkEmbeddings
            .Where(e => db.KnowledgeChunks.Any(c => c.Id == e.ChunkId && c.SourceId == source.Id))
            .ExecuteDeleteAsync(cancellationToken);
        foreach (var (chunkId, vector) in vectorsByChunk)
        {
            db.ChunkEmbeddings.Add(new ChunkEmbedding(Guid.CreateVersion7(), source.TenantId, chunkId, model, vector));
        }

        source.MarkReembedded(model);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public Task RemoveChunksAsync(Guid sourceId, CancellationToken cancellationToken) =>
        db.KnowledgeChunks.Where(c => c.SourceId == sourceId).ExecuteDeleteAsync(cancellationToken);
}
