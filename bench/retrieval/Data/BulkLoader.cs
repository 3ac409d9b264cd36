using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Npgsql;
using NpgsqlTypes;
using Pgvector;
using Pgvector.Npgsql;
using SmbAgent.Bench.Retrieval.Corpus;
using SmbAgent.KnowledgeBase;

namespace SmbAgent.Bench.Retrieval.Data;

/// <summary>
/// Writes sources, chunks and embeddings with binary COPY, in the rows the ingestion job would write. The
/// knowledge tables' secondary indexes (the migration's HNSW, GIN and b-tree indexes) are dropped first and
/// rebuilt afterwards from their own definitions, as a bulk load would do; row-level security is relaxed for
/// the owner only while COPY runs (COPY FROM refuses tables whose policies apply to the caller).
/// </summary>
public sealed class BulkLoader(BenchSettings settings)
{
    private static readonly string[] Tables = ["kb_sources", "kb_chunks", "kb_chunk_embeddings"];

    public async Task LoadAsync(IReadOnlyList<SourcePlan> sources, IReadOnlyDictionary<int, Guid> tenantIds, ChunkVectors vectors)
    {
        var builder = new NpgsqlDataSourceBuilder(settings.OwnerConnectionString);
        builder.UseVector();
        await using var dataSource = builder.Build();
        await using var connection = await dataSource.OpenConnectionAsync();

        var indexes = await SecondaryIndexesAsync(connection);
        foreach (var (name, _) in indexes)
        {
            await BenchDatabase.Execute(connection, $"DROP INDEX {name}");
        }

        foreach (var table in Tables)
        {
            await BenchDatabase.Execute(connection, $"ALTER TABLE {table} NO FORCE ROW LEVEL SECURITY");
        }

        var started = Stopwatch.GetTimestamp();
        var rows = Rows(sources, tenantIds);
        await CopySourcesAsync(connection, rows);
        await CopyChunksAsync(connection, rows);
        await CopyEmbeddingsAsync(connection, rows, vectors);
        Console.WriteLine($"  COPY of {rows.Count} sources and {rows.Sum(r => r.Chunks.Count)} chunks with embeddings: {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s");

        foreach (var table in Tables)
        {
            await BenchDatabase.Execute(connection, $"ALTER TABLE {table} FORCE ROW LEVEL SECURITY");
        }

        // The HNSW build of 100,000 x 512 is the slow part: give it memory for the whole graph and both cores.
        await BenchDatabase.Execute(connection, "SET maintenance_work_mem = '1GB'");
        await BenchDatabase.Execute(connection, "SET max_parallel_maintenance_workers = 1");
        foreach (var (name, definition) in indexes)
        {
            started = Stopwatch.GetTimestamp();
            await BenchDatabase.Execute(connection, definition, timeoutSeconds: 1800);
            Console.WriteLine($"  index {name}: {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s");
        }

        started = Stopwatch.GetTimestamp();
        foreach (var table in Tables)
        {
            await BenchDatabase.Execute(connection, $"VACUUM (ANALYZE) {table}", timeoutSeconds: 600);
        }

        Console.WriteLine($"  VACUUM (ANALYZE): {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s");
    }

    private static async Task<List<(string Name, string Definition)>> SecondaryIndexesAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("""
            SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
            FROM pg_index i
            WHERE i.indrelid = ANY (ARRAY['kb_sources', 'kb_chunks', 'kb_chunk_embeddings']::regclass[])
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
            ORDER BY 1
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var indexes = new List<(string, string)>();
        while (await reader.ReadAsync())
        {
            indexes.Add((reader.GetString(0), reader.GetString(1)));
        }

        return indexes;
    }

    private static List<SourceRow> Rows(IReadOnlyList<SourcePlan> sources, IReadOnlyDictionary<int, Guid> tenantIds)
    {
        var clock = new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);
        return [.. sources.Select((s, i) => new SourceRow(
            Guid.CreateVersion7(clock.AddMinutes(i)), tenantIds[s.Tenant], s, clock.AddMinutes(i),
            [.. s.Chunks.Select(c => (ChunkId: Guid.CreateVersion7(clock.AddMinutes(i)), EmbeddingId: Guid.CreateVersion7(clock.AddMinutes(i)), Plan: c))]))];
    }

    private async Task CopySourcesAsync(NpgsqlConnection connection, List<SourceRow> rows)
    {
        await using var writer = await connection.BeginBinaryImportAsync("""
            COPY kb_sources (id, tenant_id, kind, title, origin, language, status, chunk_count, content, content_hash,
                             embedding_model, creation_time, indexed_time, is_deleted) FROM STDIN (FORMAT BINARY)
            """);
        foreach (var row in rows)
        {
            var content = string.Join("\n\n", row.Plan.Chunks.Select(c => c.Text));
            await writer.StartRowAsync();
            await writer.WriteAsync(row.Id, NpgsqlDbType.Uuid);
            await writer.WriteAsync(row.TenantId, NpgsqlDbType.Uuid);
            await writer.WriteAsync((int)row.Plan.Kind, NpgsqlDbType.Integer);
            await writer.WriteAsync(row.Plan.Title, NpgsqlDbType.Varchar);
            await writer.WriteAsync(row.Plan.Origin, NpgsqlDbType.Varchar);
            await writer.WriteAsync(KnowledgeLanguages.Default, NpgsqlDbType.Varchar);
            await writer.WriteAsync((int)KnowledgeSourceStatus.Indexed, NpgsqlDbType.Integer);
            await writer.WriteAsync(row.Chunks.Count, NpgsqlDbType.Integer);
            await writer.WriteAsync(content, NpgsqlDbType.Text);
            await writer.WriteAsync(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content))), NpgsqlDbType.Varchar);
            await writer.WriteAsync(settings.EmbeddingModel, NpgsqlDbType.Varchar);
            await writer.WriteAsync(row.Created, NpgsqlDbType.TimestampTz);
            await writer.WriteAsync(row.Created.AddMinutes(1), NpgsqlDbType.TimestampTz);
            await writer.WriteAsync(false, NpgsqlDbType.Boolean);
        }

        await writer.CompleteAsync();
    }

    private static async Task CopyChunksAsync(NpgsqlConnection connection, List<SourceRow> rows)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY kb_chunks (id, tenant_id, source_id, position, title, text, token_count, ts_config) FROM STDIN (FORMAT BINARY)");
        var config = KnowledgeLanguages.TextSearchConfiguration(KnowledgeLanguages.Default);
        foreach (var row in rows)
        {
            for (var position = 0; position < row.Chunks.Count; position++)
            {
                var chunk = row.Chunks[position];
                await writer.StartRowAsync();
                await writer.WriteAsync(chunk.ChunkId, NpgsqlDbType.Uuid);
                await writer.WriteAsync(row.TenantId, NpgsqlDbType.Uuid);
                await writer.WriteAsync(row.Id, NpgsqlDbType.Uuid);
                await writer.WriteAsync(position, NpgsqlDbType.Integer);
                await writer.WriteAsync(chunk.Plan.Title, NpgsqlDbType.Varchar);
                await writer.WriteAsync(chunk.Plan.Text, NpgsqlDbType.Text);

                // Roughly what the cl100k tokenizer gives for plain English.
                await writer.WriteAsync((int)(chunk.Plan.Text.Split(' ').Length * 1.3), NpgsqlDbType.Integer);
                await writer.WriteAsync(config, NpgsqlDbType.Varchar);
            }
        }

        await writer.CompleteAsync();
    }

    private async Task CopyEmbeddingsAsync(NpgsqlConnection connection, List<SourceRow> rows, ChunkVectors vectors)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY kb_chunk_embeddings (id, tenant_id, chunk_id, model, dimensions, embedding) FROM STDIN (FORMAT BINARY)");
        foreach (var row in rows)
        {
            foreach (var chunk in row.Chunks)
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(chunk.EmbeddingId, NpgsqlDbType.Uuid);
                await writer.WriteAsync(row.TenantId, NpgsqlDbType.Uuid);
                await writer.WriteAsync(chunk.ChunkId, NpgsqlDbType.Uuid);
                await writer.WriteAsync(settings.EmbeddingModel, NpgsqlDbType.Varchar);
                await writer.WriteAsync(settings.EmbeddingDimensions, NpgsqlDbType.Integer);
                await writer.WriteAsync(new Vector(vectors.Next(chunk.Plan)), "vector");
            }
        }

        await writer.CompleteAsync();
    }

    private sealed record SourceRow(Guid Id, Guid TenantId, SourcePlan Plan, DateTimeOffset Created, List<(Guid ChunkId, Guid EmbeddingId, ChunkPlan Plan)> Chunks);
}
