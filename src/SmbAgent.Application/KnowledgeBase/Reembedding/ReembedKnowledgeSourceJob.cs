using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using SmbAgent.BackgroundJobs;
using SmbAgent.Data;
using SmbAgent.KnowledgeBase.Embeddings;
using SmbAgent.KnowledgeBase.Ingestion;

namespace SmbAgent.KnowledgeBase.Reembedding;

/// <summary>
/// Gives an indexed source's existing passages vectors of the current model: no re-fetch, no re-chunking. The old
/// vectors stay searchable until the new ones replace them in one transaction. Idempotent: a source already on the
/// current model (re-embedded, or re-indexed since it was queued) is left alone unless forced. Failures are rethrown so Hangfire
/// retries with backoff.
/// </summary>
public sealed class ReembedKnowledgeSourceJob(
    ISmbAgentDbContext db,
    IEmbeddingGenerator<string, Embedding<float>> embeddingGenerator,
    EmbeddingModelInfo embeddingModel,
    IKnowledgeIndexWriter indexWriter) : IBackgroundJob<ReembedKnowledgeSourceArgs>
{
    public async Task ExecuteAsync(ReembedKnowledgeSourceArgs args, CancellationToken cancellationToken)
    {
        var source = await db.KnowledgeSources.FirstOrDefaultAsync(s => s.Id == args.SourceId, cancellationToken);
        if (source is null || source.EmbeddingModel is null || (source.EmbeddingModel == embeddingModel.Model && !args.Force))
        {
            return;
        }

        var chunks = await db.KnowledgeChunks.AsNoTracking()
            .Where(c => c.SourceId == source.Id)
            .OrderBy(c => c.Position)
            .Select(c => new { c.Id, c.Title, c.Text })
            .ToListAsync(cancellationToken);
        var generated = await embeddingGenerator.GenerateAsync(
            chunks.Select(c => KnowledgeEmbeddingInput.For(c.Title, c.Text)), cancellationToken: cancellationToken);
        if (generated.Count != chunks.Count || generated.Any(e => e.Vector.Length != embeddingModel.Dimensions))
        {
            throw new InvalidOperationException($"The embedding model {embeddingModel.Model} did not return one {embeddingModel.Dimensions}-dimension vector per passage.");
        }

        var vectors = chunks.Select((c, i) => (c.Id, Vector: generated[i].Vector.ToArray())).ToDictionary(c => c.Id, c => c.Vector);
        await indexWriter.ReplaceEmbeddingsAsync(source, vectors, embeddingModel.Model, cancellationToken);
    }
}
