using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;
using Pgvector;
using SmbAgent.KnowledgeBase;

namespace SmbAgent.EntityFrameworkCore.EntityConfigurations;

internal sealed class KnowledgeSourceEntityTypeConfiguration : IEntityTypeConfiguration<KnowledgeSource>
{
    public void Configure(EntityTypeBuilder<KnowledgeSource> builder)
    {
        builder.ToTable("kb_sources");
        builder.Property(s => s.Title).HasMaxLength(KnowledgeSourceConsts.MaxTitleLength).IsRequired();
        builder.Property(s => s.Origin).HasMaxLength(KnowledgeSourceConsts.MaxOriginLength);
        builder.Property(s => s.Language).HasMaxLength(KnowledgeSourceConsts.MaxLanguageLength).IsRequired();
        builder.Property(s => s.FailureReason).HasMaxLength(KnowledgeSourceConsts.MaxFailureReasonLength);
        builder.Property(s => s.Content).IsRequired();
        builder.Property(s => s.ContentHash).HasMaxLength(KnowledgeSourceConsts.MaxContentHashLength);
        builder.Property(s => s.EmbeddingModel).HasMaxLength(KnowledgeSourceConsts.MaxModelLength);
        builder.HasIndex(s => new { s.TenantId, s.CreationTime });

        // The stalled-work sweep's query: what is still waiting for its indexing.
        builder.HasIndex(s => new { s.Status, s.LastQueuedTime }).HasFilter("status = 0");
    }
}

internal sealed class KnowledgeChunkEntityTypeConfiguration : IEntityTypeConfiguration<KnowledgeChunk>
{
    /// <summary>
    /// One branch per supported configuration: <c>to_tsvector(regconfig, text)</c> is immutable only when the
    /// configuration is a constant, and a generated column must be immutable.
    /// </summary>
    internal static readonly string SearchVectorSql =
        "CASE ts_config "
        + string.Concat(KnowledgeLanguages.TextSearchConfigurations.Values.Select(c => $"WHEN '{c}' THEN to_tsvector('{c}'::regconfig, text) "))
        + "ELSE to_tsvector('simple'::regconfig, text) END";

    public void Configure(EntityTypeBuilder<KnowledgeChunk> builder)
    {
        builder.ToTable("kb_chunks");
        builder.Property(c => c.Title).HasMaxLength(KnowledgeSourceConsts.MaxChunkTitleLength).IsRequired();
        builder.Property(c => c.Text).IsRequired();
        builder.Property(c => c.TextSearchConfig).HasColumnName("ts_config").HasMaxLength(KnowledgeSourceConsts.MaxTextSearchConfigLength).IsRequired();
        builder.Property<NpgsqlTsVector>("SearchVector")
            .HasColumnName("search_vector")
            .HasColumnType("tsvector")
            .HasComputedColumnSql(SearchVectorSql, stored: true);
        builder.HasIndex("SearchVector").HasMethod("GIN");
        builder.HasIndex(c => new { c.SourceId, c.Position });
        builder.HasIndex(c => c.TenantId);
        builder.HasOne<KnowledgeSource>().WithMany().HasForeignKey(c => c.SourceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ChunkEmbeddingEntityTypeConfiguration : IEntityTypeConfiguration<ChunkEmbedding>
{
    public void Configure(EntityTypeBuilder<ChunkEmbedding> builder)
    {
        builder.ToTable("kb_chunk_embeddings");
        builder.Property(e => e.Model).HasMaxLength(KnowledgeSourceConsts.MaxModelLength).IsRequired();
        builder.Property(e => e.Embedding)
            .HasColumnType("vector")
            .HasConversion(v => new Vector(v), v => v.ToArray(), new ValueComparer<float[]>(
                (a, b) => a!.SequenceEqual(b!),
                v => v.Length,
                v => v.ToArray()))
            .IsRequired();
        builder.HasIndex(e => new { e.ChunkId, e.Model }).IsUnique();
        builder.HasIndex(e => new { e.TenantId, e.Model });
        builder.HasOne<KnowledgeChunk>().WithMany().HasForeignKey(e => e.ChunkId).OnDelete(DeleteBehavior.Cascade);
    }
}
