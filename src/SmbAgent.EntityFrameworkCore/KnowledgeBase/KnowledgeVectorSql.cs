using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using SmbAgent.KnowledgeBase.Embeddings;

namespace SmbAgent.KnowledgeBase;

/// <summary>
/// The SQL pieces the HNSW indexes and the vector search must spell identically: the planner only uses a partial
/// index whose expression and predicate it finds literally in the query. A cast's dimension, a predicate's model and
/// an index name can't be parameters, so they are written from validated values only: a model name made of a safe
/// alphabet, a dimension in range, a tenant formatted from its <see cref="Guid"/>.
/// </summary>
internal static partial class KnowledgeVectorSql
{
    private const string TenantIndexPrefix = "ix_kb_tenant_hnsw_";

    /// <summary>The LIKE pattern of every per-tenant index name (underscores escaped).</summary>
    public const string TenantIndexPattern = @"ix\_kb\_tenant\_hnsw\_%";

    /// <summary><c>(e.embedding::vector(512))</c> for a 512-dimension model.</summary>
    public static string Vector(string alias, EmbeddingModelInfo model) => $"({alias}embedding::{Cast(model)})";

    public static string Cast(EmbeddingModelInfo model)
    {
        Validate(model);
        return string.Create(CultureInfo.InvariantCulture, $"vector({model.Dimensions})");
    }

    /// <summary>The model as an SQL string literal.</summary>
    public static string ModelLiteral(EmbeddingModelInfo model)
    {
        Validate(model);
        return $"'{model.Model}'";
    }

    public static string TenantLiteral(Guid tenantId) => $"'{tenantId.ToString("D", CultureInfo.InvariantCulture)}'::uuid";

    /// <summary>
    /// Deterministic and within PostgreSQL's 63-character limit: the tenant in full, the model as a hash (a model
    /// name may be long or contain characters an identifier can't).
    /// </summary>
    public static string TenantIndexName(Guid tenantId, string model)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(model)))[..8];
        return $"{TenantIndexPrefix}{tenantId.ToString("N", CultureInfo.InvariantCulture)}_{hash}";
    }

    public static string CreateTenantIndex(Guid tenantId, EmbeddingModelInfo model) => $"""
        CREATE INDEX CONCURRENTLY {TenantIndexName(tenantId, model.Model)} ON kb_chunk_embeddings
        USING hnsw ({Vector("", model)} vector_cosine_ops)
        WHERE model = {ModelLiteral(model)} AND tenant_id = {TenantLiteral(tenantId)}
        """;

    /// <summary>Only names of the per-tenant pattern are dropped: a name read from the catalog is checked before use.</summary>
    public static string DropTenantIndex(string name) =>
        TenantIndexNameFormat().IsMatch(name)
            ? $"DROP INDEX CONCURRENTLY IF EXISTS {name}"
            : throw new InvalidOperationException($"'{name}' is not a per-tenant vector index.");

    private static void Validate(EmbeddingModelInfo model)
    {
        if (model.Dimensions is < 1 or > 16_000 || !ModelName().IsMatch(model.Model))
        {
            throw new InvalidOperationException($"Embedding model '{model.Model}' ({model.Dimensions}) can't be searched.");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex ModelName();

    [GeneratedRegex("^ix_kb_tenant_hnsw_[0-9a-f]{32}_[0-9a-f]{8}$")]
    private static partial Regex TenantIndexNameFormat();
}
