using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
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
/// its own query (row-level security is the second wall), fused by reciprocal rank. The question is embedded
/// through the scope's memo, so a chat turn whose emergency check embedded the same text makes no second model call.
/// </summary>
public sealed partial class HybridKnowledgeSearch(
    SmbAgentDbContext db,
    ICurrentTenant currentTenant,
    EmbeddingModels embeddingModels,
    ScopedEmbeddingMemo turnEmbeddings,
    IOptions<KnowledgeSearchOptions> options,
    ILogger<HybridKnowledgeSearch> logger) : IKnowledgeSearch
{
    private static readonly string[] TextSearchConfigs = [.. KnowledgeLanguages.TextSearchConfigurations.Values.Distinct(), "simple"];

    public async Task<KnowledgeSearchResult> SearchAsync(string question, int top = 5, CancellationToken cancellationToken = default)
    {
        var tenantId = currentTenant.Id ?? throw new InvalidOperationException("The knowledge base is searched for a tenant.");
        question = question.Trim();
        if (question.Length == 0)
        {
            return KnowledgeSearchResult.NotFound;
        }

        // More than one model only while sources are being re-embedded after a provider change.
        var chunksByModel = await db.KnowledgeSources.AsNoTracking()
            .Where(s => s.ChunkCount > 0 && s.EmbeddingModel != null)
            .GroupBy(s => s.EmbeddingModel!)
            .Select(g => new { Model = g.Key, Chunks = g.Sum(s => s.ChunkCount) })
            .ToDictionaryAsync(g => g.Model, g => g.Chunks, cancellationToken);
        var models = chunksByModel.Keys.ToList();
        if (models.Count == 0)
        {
            return KnowledgeSearchResult.NotFound;
        }

        top = Math.Clamp(top, 1, 50);
        var settings = options.Value;
        var candidates = Math.Max(settings.CandidatesPerSearch, top);
        var questionVectors = await EmbedQuestionAsync(question, models, settings.EmbeddingTimeout, cancellationToken);

        var byVector = new List<(EmbeddingModelInfo Model, List<RankedChunk> Ranked)>();
        List<TextRankedChunk> byText;
        var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await using (transaction)
        {
            // Without iterative scans HNSW returns ef_search neighbours and the tenant filter thins them out after.
            await db.Database.ExecuteSqlRawAsync("SET LOCAL hnsw.iterative_scan = relaxed_order", cancellationToken);
            foreach (var (model, vector) in questionVectors)
            {
                var exact = chunksByModel[model.Model] < settings.ExactSearchBelowChunks;
                var ranked = await db.Database.SqlQueryRaw<RankedChunk>(VectorSql(model, tenantId, candidates, exact), new NpgsqlParameter("q", new Vector(vector)))
                    .ToListAsync(cancellationToken);

                // relaxed_order may return neighbours slightly out of order.
                byVector.Add((model, [.. ranked.OrderByDescending(c => c.Score)]));
            }

            var near = byVector.SelectMany(v => v.Ranked.Select(c => c.ChunkId)).Distinct().ToArray();
            byText = await db.Database.SqlQueryRaw<TextRankedChunk>(TextSql, [
                    .. Parameters(tenantId, candidates, new NpgsqlParameter("q", question)),
                    new NpgsqlParameter("configs", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = TextSearchConfigs },
                    new NpgsqlParameter("near", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = near },
                ])
                .ToListAsync(cancellationToken);

            // Committed rather than rolled back: a rollback would also undo a tenant setting made inside it.
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }

        var fused = ReciprocalRankFusion.Fuse([.. byVector.Select(v => (IReadOnlyList<Guid>)[.. v.Ranked.Select(c => c.ChunkId)]), [.. byText.Select(c => c.ChunkId)]])
            .OrderByDescending(f => f.Value)
            .Take(top)
            .ToList();
        var ids = fused.Select(f => f.Key).ToList();
        var details = await db.KnowledgeChunks.AsNoTracking()
            .Where(c => ids.Contains(c.Id))
            .Join(db.KnowledgeSources, c => c.SourceId, s => s.Id, (c, s) => new { c.Id, c.SourceId, SourceTitle = s.Title, s.Origin, s.Kind, c.Title, c.Text })
            .ToDictionaryAsync(d => d.Id, cancellationToken);

        // A chunk has one model's vector at a time, so each similarity is judged by its own model's thresholds.
        var similarities = byVector
            .SelectMany(v => v.Ranked.Select(c => (c.ChunkId, c.Score, Model: v.Model.Model)))
            .DistinctBy(c => c.ChunkId)
            .ToDictionary(c => c.ChunkId);
        var texts = byText.ToDictionary(c => c.ChunkId);

        var passages = fused
            .Where(f => details.ContainsKey(f.Key))
            .Select(f =>
            {
                var d = details[f.Key];
                var link = d.Kind == KnowledgeSourceKind.Url && Uri.TryCreate(d.Origin, UriKind.Absolute, out var uri) ? uri : null;
                var text = texts.GetValueOrDefault(f.Key);
                return new KnowledgePassage(d.Id, d.SourceId, d.SourceTitle, d.Title, link, d.Text, f.Value,
                    similarities.TryGetValue(f.Key, out var s) ? s.Score : null, text?.Score)
                {
                    WordOverlap = text?.Overlap ?? 0,
                };
            })
            .ToList();
        // Passages of a model the question couldn't be embedded with (too slow, failed, no longer configured) have
        // only their words as evidence: a passage holding every word of the question.
        var unjudged = questionVectors.Count < models.Count;
        var found = passages.Any(p => similarities.TryGetValue(p.ChunkId, out var s) && KnowledgeRelevance.Answers(settings, s.Model, s.Score, p.WordOverlap))
                    || (unjudged && byText.Count > 0 && byText[0].AllWords);
        return new KnowledgeSearchResult(found, passages)
        {
            Suggestions = found ? [] : KnowledgeRelevance.Suggestions(settings, passages, p => similarities.TryGetValue(p.ChunkId, out var s) ? s.Model : null),
        };
    }

    /// <summary>
    /// The question in every model the tenant's vectors come from. A model that can't be reached, fails or takes
    /// longer than <paramref name="budget"/> is skipped: its sources are still found by full text. The current
    /// model's call is the scope's memo, and past the budget the search stops waiting without cancelling it.
    /// </summary>
    private async Task<List<(EmbeddingModelInfo Model, float[] Vector)>> EmbedQuestionAsync(
        string question, List<string> models, TimeSpan budget, CancellationToken cancellationToken)
    {
        var vectors = new List<(EmbeddingModelInfo, float[])>(models.Count);
        foreach (var name in models.OrderBy(m => m == embeddingModels.Current.Model ? 0 : 1))
        {
            if (embeddingModels.Find(name) is not { } model)
            {
                LogModelUnavailable(logger, name);
                continue;
            }

            var generator = name == embeddingModels.Current.Model ? turnEmbeddings : model.Generator;
            try
            {
                var embedding = await generator.GenerateVectorAsync(question, cancellationToken: cancellationToken).WaitAsync(budget, cancellationToken);
                vectors.Add((model.Info, embedding.ToArray()));
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                LogModelFailed(logger, name, e);
            }
        }

        return vectors;
    }

    /// <summary>
    /// The cast and the model predicate repeat the HNSW indexes' expression and predicates literally, or the planner
    /// can't use them (<see cref="KnowledgeVectorSql"/>). The tenant and the limit are written as literals too (a
    /// formatted Guid and a number): then the planner proves a big tenant's own partial index applies and sees how
    /// few rows are wanted in any plan, also a generic one if statements are ever prepared (with the limit unknown,
    /// it assumes a tenth of the rows and prefers sorting them all), so it picks the tenant's index over the shared
    /// per-model one and over an exact sort. A small knowledge base is searched exactly instead
    /// ("+ 0" keeps the index out): as fast there, and the same answer every time, where HNSW's graph (its levels
    /// are drawn at random) can change the approximate neighbours from one build to the next.
    /// </summary>
    private static string VectorSql(EmbeddingModelInfo model, Guid tenantId, int limit, bool exact)
    {
        var vector = KnowledgeVectorSql.Vector("e.", model);
        var distance = $"{vector} <=> @q::{KnowledgeVectorSql.Cast(model)}";
        return $"""
            SELECT e.chunk_id AS chunk_id, 1 - ({distance}) AS score
            FROM kb_chunk_embeddings e
            WHERE e.model = {KnowledgeVectorSql.ModelLiteral(model)} AND e.tenant_id = {KnowledgeVectorSql.TenantLiteral(tenantId)}
            ORDER BY {(exact ? $"({distance}) + 0" : distance)}
            LIMIT {limit.ToString(CultureInfo.InvariantCulture)}
            """;
    }

    // One query per configuration, so each language stems the question its own way and the GIN index applies.
    // Two kinds of passages are ranked: those holding every word of the question (found through the GIN index,
    // first: a model number and "warranty"), and the vector candidates sharing any word with it. A visitor's
    // question rarely shares every word with a passage (8 of the 66 questions of the labelled set in Evaluation/),
    // so the second kind is what lets the words re-rank the candidates; ranking every passage that shares any word
    // instead read thousands of passages for a big tenant (bench/). MATERIALIZED: inlined, the question would be
    // parsed again for every row. The overlap is the share of the question's words (stemmed in the passage's own
    // language, stop words dropped) the passage holds: the relevance decision's second piece of evidence.
    private const string TextSql = """
        WITH q AS MATERIALIZED (
            SELECT config, all_words, replace(all_words::text, ' & ', ' | ')::tsquery AS any_word
            FROM unnest(@configs) AS config, websearch_to_tsquery(config::regconfig, @q) AS all_words),
        near AS MATERIALIZED (
            SELECT c.id, c.ts_config, c.search_vector FROM kb_chunks c WHERE c.id = ANY(@near) AND c.tenant_id = @tenant),
        candidates AS (
            SELECT id, ts_config, search_vector FROM near
            UNION
            SELECT c.id, c.ts_config, c.search_vector
            FROM q JOIN kb_chunks c ON c.ts_config = q.config AND c.search_vector @@ q.all_words
            WHERE c.tenant_id = @tenant)
        SELECT h.id AS chunk_id, ts_rank_cd(h.search_vector, q.any_word)::double precision AS score, h.search_vector @@ q.all_words AS all_words,
            (SELECT (count(*) FILTER (WHERE h.search_vector @@ quote_literal(w)::tsquery))::double precision / greatest(count(*), 1)
             FROM unnest(tsvector_to_array(to_tsvector(q.config::regconfig, @q))) AS w) AS overlap
        FROM candidates h
        JOIN q ON q.config = h.ts_config
        WHERE h.search_vector @@ q.any_word
        ORDER BY h.search_vector @@ q.all_words DESC, score DESC, h.id
        LIMIT @k
        """;

    private static NpgsqlParameter[] Parameters(Guid tenantId, int candidates, NpgsqlParameter question) =>
        [question, new NpgsqlParameter("tenant", tenantId), new NpgsqlParameter("k", candidates)];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Vectors of the previous embedding model {Model} can't be searched: it is not configured any more")]
    private static partial void LogModelUnavailable(ILogger logger, string model);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The embedding model {Model} failed or exceeded the search's budget; its sources are searched by full text only")]
    private static partial void LogModelFailed(ILogger logger, string model, Exception exception);

    // Columns are snake_case: the naming convention maps query types too.
    private sealed record RankedChunk(Guid ChunkId, double Score);

    private sealed record TextRankedChunk(Guid ChunkId, double Score, bool AllWords, double Overlap);
}
