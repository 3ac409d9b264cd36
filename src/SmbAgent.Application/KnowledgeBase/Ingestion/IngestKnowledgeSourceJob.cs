using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmbAgent.BackgroundJobs;
using SmbAgent.Data;
using SmbAgent.KnowledgeBase.Chunking;
using SmbAgent.KnowledgeBase.Embeddings;
using SmbAgent.KnowledgeBase.Extraction;

namespace SmbAgent.KnowledgeBase.Ingestion;

/// <summary>
/// Indexes one source: extract → chunk → embed → swap its passages in one transaction. Idempotent: when the
/// text and the embedding model are those of the current passages it only confirms the status. Content
/// problems fail the source at once; anything else (the embedding service is down…) is rethrown so Hangfire
/// retries with its backoff while the previous passages stay searchable.
/// </summary>
public sealed partial class IngestKnowledgeSourceJob(
    ISmbAgentDbContext db,
    SourceTextExtractor extractor,
    IEmbeddingGenerator<string, Embedding<float>> embeddingGenerator,
    EmbeddingModelInfo embeddingModel,
    IKnowledgeIndexWriter indexWriter,
    IOptions<KnowledgeBaseOptions> options,
    TimeProvider clock,
    ILogger<IngestKnowledgeSourceJob> logger) : IBackgroundJob<IngestKnowledgeSourceArgs>
{
    /// <summary>Part of the content hash: a change in how text is chunked re-indexes everything once.</summary>
    private const string ChunkingVersion = "chunker-1";

    public async Task ExecuteAsync(IngestKnowledgeSourceArgs args, CancellationToken cancellationToken)
    {
        var source = await db.KnowledgeSources.FirstOrDefaultAsync(s => s.Id == args.SourceId, cancellationToken);
        if (source is null)
        {
            return; // deleted since it was queued
        }

        source.MarkIndexing();
        await db.SaveChangesAsync(cancellationToken);

        try
        {
            var text = await extractor.ExtractAsync(source, cancellationToken);
            var hash = Hash(source, text);
            if (source.ContentHash == hash && source.EmbeddingModel == embeddingModel.Model)
            {
                source.MarkIndexed(hash, embeddingModel.Model, source.ChunkCount, clock.GetUtcNow());
                await db.SaveChangesAsync(cancellationToken);
                return;
            }

            var chunks = SourceTextExtractor.Chunk(source, text);
            var embeddings = await EmbedAsync(chunks, cancellationToken);
            if (source.Kind is KnowledgeSourceKind.Url or KnowledgeSourceKind.Pdf)
            {
                source.Content = text;
            }

            source.MarkIndexed(hash, embeddingModel.Model, chunks.Count, clock.GetUtcNow());
            var indexed = chunks.Select((c, i) => new IndexedChunk(c.Title, c.Text, c.TokenCount, embeddings[i])).ToList();
            await indexWriter.ReplaceChunksAsync(source, indexed, embeddingModel.Model, cancellationToken);
        }
        catch (KnowledgeContentException e)
        {
            LogContentFailure(logger, source.Id, e.Message);
            await FailAsync(source.Id, e.Message, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await FailAsync(source.Id, "Indexing failed for a temporary reason (the embedding service may be unavailable); it is retried automatically.", cancellationToken);
            throw;
        }
    }

    private async Task<float[][]> EmbedAsync(IReadOnlyList<TextChunk> chunks, CancellationToken cancellationToken)
    {
        var vectors = new List<float[]>(chunks.Count);
        foreach (var batch in chunks.Chunk(Math.Max(1, options.Value.EmbeddingBatchSize)))
        {
            var generated = await embeddingGenerator.GenerateAsync(batch.Select(c => KnowledgeEmbeddingInput.For(c.Title, c.Text)), cancellationToken: cancellationToken);
            if (generated.Count != batch.Length)
            {
                throw new InvalidOperationException($"The embedding service returned {generated.Count} vectors for {batch.Length} passages.");
            }

            foreach (var embedding in generated)
            {
                if (embedding.Vector.Length != embeddingModel.Dimensions)
                {
                    throw new InvalidOperationException($"The embedding model {embeddingModel.Model} returned {embedding.Vector.Length} dimensions instead of {embeddingModel.Dimensions}.");
                }

                vectors.Add(embedding.Vector.ToArray());
            }
        }

        return [.. vectors];
    }

    /// <summary>
    /// Written straight to the row: the tracked source may hold changes from the failed attempt that must not be saved.
    /// A deleted source matches nothing.
    /// </summary>
    private Task<int> FailAsync(Guid sourceId, string reason, CancellationToken cancellationToken) =>
        db.KnowledgeSources.Where(s => s.Id == sourceId).ExecuteUpdateAsync(
            s => s.SetProperty(x => x.Status, KnowledgeSourceStatus.Failed).SetProperty(x => x.FailureReason, Truncate(reason)),
            cancellationToken);

    private static string Truncate(string reason) =>
        reason.Length <= KnowledgeSourceConsts.MaxFailureReasonLength ? reason : reason[..KnowledgeSourceConsts.MaxFailureReasonLength];

    private static string Hash(KnowledgeSource source, string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{ChunkingVersion}\n{source.Kind}\n{source.Language}\n{source.Title}\n{text}")));

    [LoggerMessage(Level = LogLevel.Information, Message = "Knowledge source {SourceId} failed: {Reason}")]
    private static partial void LogContentFailure(ILogger logger, Guid sourceId, string reason);
}
