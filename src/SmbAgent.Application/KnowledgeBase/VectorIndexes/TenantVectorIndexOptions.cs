namespace SmbAgent.KnowledgeBase.VectorIndexes;

/// <summary>
/// When a business gets an HNSW index of its own (bound from <c>KnowledgeBase:TenantVectorIndexes</c>). The shared
/// per-model index serves everyone, but for a big knowledge base most of the neighbours it visits belong to other
/// businesses and are filtered out, which is the slow tail measured in bench/. Each partial index costs every
/// insert a predicate check and the planner a look at it, so only big knowledge bases get one.
/// </summary>
public sealed class TenantVectorIndexOptions
{
    public const string SectionName = "KnowledgeBase:TenantVectorIndexes";

    /// <summary>A business with at least this many passages of one model gets its own index for that model.</summary>
    public int CreateFromChunks { get; set; } = 5000;

    /// <summary>Its index is dropped once it has fewer passages than this; well below <see cref="CreateFromChunks"/>, so a business hovering around the threshold doesn't rebuild it again and again.</summary>
    public int DropBelowChunks { get; set; } = 2500;

    /// <summary>Cron expression of the maintenance job (UTC).</summary>
    public string Schedule { get; set; } = "*/10 * * * *";

    /// <summary>maintenance_work_mem for a build: an HNSW build slows down sharply once its graph no longer fits.</summary>
    public int BuildMemoryMegabytes { get; set; } = 256;
}
