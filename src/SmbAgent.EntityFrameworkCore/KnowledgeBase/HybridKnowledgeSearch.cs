using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Pgvector;
using SmbAgent.EntityFrameworkCore;
using SmbAgent.KnowledgeBase.Embeddings;
using SmbAgent.KnowledgeBase.Search;
using SmbAgent.Tenancy;

namespace SmbAgent.KnowledgeBase;

/// <summary>
/// Hybrid retrieval in raw SQL: pgvector HNSW (cosine) and PostgreSQL full text, each filtered by tenant inside
/// its own query (row-level security is the second wall), fused by reciprocal rank.
/// </summary>
public sealed partial class HybridKnowledgeSearch(
    SmbAgentDbContext db,
    ICurrentTenant currentTenant,
    IEmbeddingGenerator<string, Embedding<float>> embeddings,
    EmbeddingModelInfo model,
    IOptions<KnowledgeSearchOptions> options) : IKnowledgeSearch
{
    private static readonly string[] TextSearchConfigs = [.. KnowledgeLanguages.TextSearchConfigurations.Values.Distinct(), "simple"];

    public async Task<KnowledgeSearchResult> SearchAsync(string question, int top = 5, CancellationToken cancellationToken = default)
    {
        var tenantId = currentTenant.Id ?? throw new InvalidOperationException("The knowledge base is searched for a tenant.");
        question = question.Trim();
        if (question.Length == 0 || !await db.KnowledgeChunks.AnyAsync(cancellationToken))
        {
            return KnowledgeSearchResult.NotFound;
        }

        top = Math.Clamp(top, 1, 50);
        var settings = options.Value;
        var candidates = Math.Max(settings.CandidatesPerSearch, top);
        var vector = (await embeddings.GenerateAsync([question], cancellationToken: cancellationToken))[0].Vector.ToArray();

        List<RankedChunk> byVector;
        List<RankedChunk> byText;
        var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await using (transaction)
        {
            // Without iterative scans HNSW returns ef_search neighbours and the tenant filter thins them out after.
            await db.Database.ExecuteSqlRawAsync("SET LOCAL hnsw.iterative_scan = relaxed_order", cancellationToken);
            byVector = await db.Database.SqlQueryRaw<RankedChunk>(VectorSql(), [.. Parameters(tenantId, candidates, new NpgsqlParameter("q", new Vector(vector)))])
                .ToListAsync(cancellationToken);
            byText = await db.Database.SqlQueryRaw<RankedChunk>(TextSql, [
                    .. Parameters(tenantId, candidates, new NpgsqlParameter("q", question)),
                    new NpgsqlParameter("configs", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = TextSearchConfigs },
                ])
                .ToListAsync(cancellationToken);

            // Committed rather than rolled back: a rollback would also undo a tenant setting made inside it.
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }

        // relaxed_order may return neighbours slightly out of order.
        byVector = [.. byVector.OrderByDescending(c => c.Score)];
        var fused = ReciprocalRankFusion.Fuse([.. byVector.Select(c => c.ChunkId)], [.. byText.Select(c => c.ChunkId)])
            .OrderByDescending(f => f.Value)
            .Take(top)
            .ToList();
        var ids = fused.Select(f => f.Key).ToList();
        var details = await db.KnowledgeChunks.AsNoTracking()
            .Where(c => ids.Contains(c.Id))
            .Join(db.KnowledgeSources, c => c.SourceId, s => s.Id, (c, s) => new { c.Id, c.SourceId, SourceTitle = s.Title, s.Origin, s.Kind, c.Title, c.Text })
            .ToDictionaryAsync(d => d.Id, cancellationToken);
        var similarities = byVector.ToDictionary(c => c.ChunkId, c => c.Score);
        var ranks = byText.ToDictionary(c => c.ChunkId, c => c.Score);

        var passages = fused
            .Where(f => details.ContainsKey(f.Key))
            .Select(f =>
            {
                var d = details[f.Key];
                var link = d.Kind == KnowledgeSourceKind.Url && Uri.TryCreate(d.Origin, UriKind.Absolute, out var uri) ? uri : null;
                return new KnowledgePassage(d.Id, d.SourceId, d.SourceTitle, d.Title, link, d.Text, f.Value,
                    similarities.TryGetValue(f.Key, out var s) ? s : null, ranks.TryGetValue(f.Key, out var r) ? r : null);
            })
            .ToList();
        var found = passages.Any(p => p.VectorSimilarity >= settings.MinSimilarity);
        return new KnowledgeSearchResult(found, passages);
    }

    /// <summary>
    /// The cast and the model predicate repeat the partial HNSW index's expression literally, or the planner can't
    /// use it; a cast's dimension can't be a parameter, so both are written from validated values.
    /// </summary>
    private string VectorSql()
    {
        if (model.Dimensions is < 1 or > 16_000 || !ModelName().IsMatch(model.Model))
        {
            throw new InvalidOperationException($"Embedding model '{model.Model}' ({model.Dimensions}) can't be searched.");
        }

        var cast = string.Create(CultureInfo.InvariantCulture, $"vector({model.Dimensions})");
        return $"""
            SELECT e.chunk_id AS chunk_id, 1 - ((e.embedding::{cast}) <=> @q::{cast}) AS score
            FROM kb_chunk_embeddings e
            WHERE e.model = '{model.Model}' AND e.tenant_id = @tenant
            ORDER BY (e.embedding::{cast}) <=> @q::{cast}
            LIMIT @k
            """;
    }

    // One query per configuration, so each language stems the question its own way and the GIN index applies.
    private const string TextSql = """
        WITH q AS (
            SELECT config, websearch_to_tsquery(config::regconfig, @q) AS query
            FROM unnest(@configs) AS config)
        SELECT c.id AS chunk_id, ts_rank_cd(c.search_vector, q.query)::double precision AS score
        FROM q
        JOIN kb_chunks c ON c.ts_config = q.config AND c.search_vector @@ q.query
        WHERE c.tenant_id = @tenant
        ORDER BY score DESC, c.id
        LIMIT @k
        """;

    private static NpgsqlParameter[] Parameters(Guid tenantId, int candidates, NpgsqlParameter question) =>
        [question, new NpgsqlParameter("tenant", tenantId), new NpgsqlParameter("k", candidates)];

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex ModelName();

    // Columns are snake_case: the naming convention maps query types too.
    private sealed record RankedChunk(Guid ChunkId, double Score);
}
