using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using SmbAgent.BackgroundJobs;
using SmbAgent.Data;
using SmbAgent.EntityFrameworkCore;
using SmbAgent.KnowledgeBase.Embeddings;
using SmbAgent.Tenancy;

namespace SmbAgent.KnowledgeBase.VectorIndexes;

/// <summary>
/// Gives each business with a big knowledge base a partial HNSW index of its own per embedding model
/// (<c>WHERE model = … AND tenant_id = …</c>), which the search's SQL lets the planner pick, and drops it once the
/// business is gone, its passages fell well below the threshold or its model can't be searched any more.
/// Indexes are built and dropped CONCURRENTLY, so searches and ingestion go on meanwhile, with the owner's
/// connection (the application role may not create indexes). Idempotent: it compares what should exist with the
/// catalog, rebuilds an index a failed build left invalid, and a run that finds another one under way leaves.
/// </summary>
public sealed partial class TenantVectorIndexJob(
    SmbAgentDbContext db,
    IDataFilter dataFilter,
    ICurrentTenant currentTenant,
    EmbeddingModels embeddingModels,
    IOptions<DatabaseOptions> database,
    IOptions<TenantVectorIndexOptions> options,
    ILogger<TenantVectorIndexJob> logger) : IBackgroundJob<MaintainTenantVectorIndexesArgs>
{
    // Any key: it only has to differ from other advisory locks taken in this database (none today).
    private const string TryLockSql = "SELECT pg_try_advisory_lock(30172580553372535)";
    private const string UnlockSql = "SELECT pg_advisory_unlock(30172580553372535)";

    public async Task ExecuteAsync(MaintainTenantVectorIndexesArgs args, CancellationToken cancellationToken)
    {
        if (database.Value.OwnerConnectionString is not { } ownerConnection)
        {
            LogNoOwnerConnection(logger);
            return;
        }

        var settings = options.Value;
        var sizes = await KnowledgeBaseSizesAsync(cancellationToken);
        var wanted = sizes.Where(s => s.Chunks >= settings.CreateFromChunks).ToDictionary(s => s.IndexName);
        var kept = sizes.Where(s => s.Chunks >= settings.DropBelowChunks).Select(s => s.IndexName).ToHashSet(StringComparer.Ordinal);

        await using var connection = new NpgsqlConnection(ownerConnection);
        await connection.OpenAsync(cancellationToken);
        await using (var tryLock = new NpgsqlCommand(TryLockSql, connection))
        {
            if (!(bool)(await tryLock.ExecuteScalarAsync(cancellationToken))!)
            {
                LogAlreadyRunning(logger);
                return;
            }
        }

        try
        {
            var existing = await ExistingAsync(connection, cancellationToken);
            foreach (var (name, valid) in existing.Where(i => !i.Value || !kept.Contains(i.Key)))
            {
                await ExecuteAsync(connection, KnowledgeVectorSql.DropTenantIndex(name), cancellationToken);
                LogDropped(logger, name, valid);
            }

            await ExecuteAsync(connection, string.Create(CultureInfo.InvariantCulture, $"SET maintenance_work_mem = '{settings.BuildMemoryMegabytes}MB'"), cancellationToken);
            foreach (var size in wanted.Values.Where(w => !existing.GetValueOrDefault(w.IndexName)))
            {
                var started = Stopwatch.GetTimestamp();
                await ExecuteAsync(connection, KnowledgeVectorSql.CreateTenantIndex(size.TenantId, size.Model), cancellationToken);
                var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
                LogCreated(logger, size.IndexName, size.TenantId, size.Model.Model, size.Chunks, seconds);
            }
        }
        finally
        {
            await ExecuteAsync(connection, UnlockSql, CancellationToken.None);
        }
    }

    /// <summary>Passages per existing business and searchable model, counted as the search counts them.</summary>
    private async Task<List<KnowledgeBaseSize>> KnowledgeBaseSizesAsync(CancellationToken cancellationToken)
    {
        using (currentTenant.Change(null))
        using (dataFilter.Disable<IMultiTenant>())
        {
            var tenants = (await db.Tenants.AsNoTracking().Select(t => t.Id).ToListAsync(cancellationToken)).ToHashSet();
            var counts = await db.KnowledgeSources.AsNoTracking()
                .Where(s => s.ChunkCount > 0 && s.EmbeddingModel != null)
                .GroupBy(s => new { s.TenantId, Model = s.EmbeddingModel! })
                .Select(g => new { g.Key.TenantId, g.Key.Model, Chunks = g.Sum(s => s.ChunkCount) })
                .ToListAsync(cancellationToken);
            return [.. counts
                .Where(c => tenants.Contains(c.TenantId))
                .Select(c => (c.TenantId, c.Chunks, Model: embeddingModels.Find(c.Model)?.Info))
                .Where(c => c.Model is not null)
                .Select(c => new KnowledgeBaseSize(c.TenantId, c.Model!, c.Chunks))];
        }
    }

    /// <summary>The per-tenant indexes in the catalog, and whether each is valid (a failed concurrent build leaves an invalid one).</summary>
    private static async Task<Dictionary<string, bool>> ExistingAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT c.relname, i.indisvalid
            FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
            WHERE i.indrelid = 'kb_chunk_embeddings'::regclass AND c.relname LIKE @pattern
            """, connection);
        command.Parameters.AddWithValue("pattern", KnowledgeVectorSql.TenantIndexPattern);
        var existing = new Dictionary<string, bool>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            existing[reader.GetString(0)] = reader.GetBoolean(1);
        }

        return existing;
    }

    // A build of a big knowledge base takes seconds to minutes: no command timeout, the job's cancellation instead.
    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Per-business vector indexes are not maintained: ConnectionStrings:SmbAgentOwner is not configured")]
    private static partial void LogNoOwnerConnection(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Per-business vector indexes: another run is under way")]
    private static partial void LogAlreadyRunning(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dropped vector index {Index} (valid: {Valid})")]
    private static partial void LogDropped(ILogger logger, string index, bool valid);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created vector index {Index} for tenant {TenantId}, model {Model}, {Chunks} passages, in {Seconds:F1} s")]
    private static partial void LogCreated(ILogger logger, string index, Guid tenantId, string model, int chunks, double seconds);

    private sealed record KnowledgeBaseSize(Guid TenantId, EmbeddingModelInfo Model, int Chunks)
    {
        public string IndexName { get; } = KnowledgeVectorSql.TenantIndexName(TenantId, Model.Model);
    }
}
