using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SmbAgent.BackgroundJobs;
using SmbAgent.Data;
using SmbAgent.KnowledgeBase.Embeddings;
using SmbAgent.Tenancy;

namespace SmbAgent.KnowledgeBase.Reembedding;

/// <summary>
/// Finds every business's sources whose vectors come from another model than the current one and queues their
/// re-embedding, each inside its tenant. Run when the job server starts, since only a configuration change (and
/// so a restart) changes the model; queuing twice is harmless because the job is idempotent.
/// </summary>
public sealed partial class KnowledgeReembeddingScheduler(
    ISmbAgentDbContext db,
    IDataFilter dataFilter,
    ICurrentTenant currentTenant,
    IBackgroundJobManager jobs,
    EmbeddingModelInfo embeddingModel,
    ILogger<KnowledgeReembeddingScheduler> logger)
{
    public async Task<int> ScheduleAsync(CancellationToken cancellationToken)
    {
        List<(Guid TenantId, Guid SourceId)> stale;
        using (currentTenant.Change(null))
        using (dataFilter.Disable<IMultiTenant>())
        {
            stale = (await db.KnowledgeSources.AsNoTracking()
                    .Where(s => s.EmbeddingModel != null && s.EmbeddingModel != embeddingModel.Model && s.ChunkCount > 0)
                    .OrderBy(s => s.TenantId)
                    .Select(s => new { s.TenantId, s.Id })
                    .ToListAsync(cancellationToken))
                .ConvertAll(s => (s.TenantId, s.Id));
        }

        foreach (var (tenantId, sourceId) in stale)
        {
            using (currentTenant.Change(tenantId))
            {
                jobs.Enqueue(new ReembedKnowledgeSourceArgs(sourceId));
            }
        }

        if (stale.Count > 0)
        {
            LogScheduled(logger, stale.Count, embeddingModel.Model);
        }

        return stale.Count;
    }

    /// <summary>Queues every indexed source of one business for new vectors, whatever model made its current ones.</summary>
    public async Task<int> ScheduleBusinessAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        using (currentTenant.Change(tenantId))
        {
            var sources = await db.KnowledgeSources.AsNoTracking()
                .Where(s => s.EmbeddingModel != null && s.ChunkCount > 0)
                .Select(s => s.Id)
                .ToListAsync(cancellationToken);
            sources.ForEach(id => jobs.Enqueue(new ReembedKnowledgeSourceArgs(id, Force: true)));
            if (sources.Count > 0)
            {
                LogScheduled(logger, sources.Count, embeddingModel.Model);
            }

            return sources.Count;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Re-embedding {SourceCount} knowledge source(s) with {Model}")]
    private static partial void LogScheduled(ILogger logger, int sourceCount, string model);
}
