using SmbAgent.Tenancy;

namespace SmbAgent.KnowledgeBase;

/// <summary>
/// One model's vector for a chunk. The column has no fixed dimension so two models can coexist while the
/// provider changes; each model has its own partial HNSW index over a cast to its dimension.
/// </summary>
public sealed class ChunkEmbedding : IMultiTenant
{
    private ChunkEmbedding()
    {
        Model = string.Empty;
        Embedding = [];
    }

    public ChunkEmbedding(Guid id, Guid tenantId, Guid chunkId, string model, float[] vector)
    {
        Id = id;
        TenantId = tenantId;
        ChunkId = chunkId;
        Model = model;
        Dimensions = vector.Length;
        Embedding = vector;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    Guid? IMultiTenant.TenantId => TenantId;

    public Guid ChunkId { get; private set; }

    public string Model { get; private set; }

    public int Dimensions { get; private set; }

    public float[] Embedding { get; private set; }
}
