using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Pgvector;
using SmbAgent.KnowledgeBase;
using SmbAgent.TestKit;

namespace SmbAgent.EntityFrameworkCore.Tests.KnowledgeBase;

/// <summary>The knowledge tables: tenant walls (filters and RLS under raw SQL), the generated tsvector and the per-model vector indexes.</summary>
public sealed class KnowledgeBaseStorageTests(CoreFixture fixture) : IClassFixture<CoreFixture>
{
    [Fact]
    public async Task Tenant_B_chunks_and_embeddings_are_invisible_to_A_through_EF_and_raw_SQL()
    {
        var a = await fixture.CreateTenantAsync();
        var b = await fixture.CreateTenantAsync();
        var aChunk = await AddChunkAsync(a.Id, "Our opening hours are nine to five.");
        var bChunk = await AddChunkAsync(b.Id, "Our opening hours are nine to five.");

        var efChunks = await fixture.InTenantAsync(a.Id, sp => Db(sp).KnowledgeChunks.Select(c => c.Id).ToListAsync());
        var efEmbeddings = await fixture.InTenantAsync(a.Id, sp => Db(sp).ChunkEmbeddings.Select(e => e.ChunkId).ToListAsync());
        var ignoringFilters = await fixture.InTenantAsync(a.Id, sp =>
            Db(sp).ChunkEmbeddings.IgnoreQueryFilters([SmbAgentDbContext.TenantFilter]).Select(e => e.ChunkId).ToListAsync());
        var rawChunks = await fixture.InTenantAsync(a.Id, sp =>
            Db(sp).Database.SqlQuery<Guid>($"SELECT id AS \"Value\" FROM kb_chunks WHERE search_vector @@ plainto_tsquery('english', 'opening hours')").ToListAsync());
        var rawNearest = await fixture.InTenantAsync(a.Id, sp =>
            Db(sp).Database.SqlQuery<Guid>($"""
                SELECT chunk_id AS "Value" FROM kb_chunk_embeddings WHERE model = 'use-lite-512'
                ORDER BY embedding::vector(512) <=> {new Vector(UnitVector(512))} LIMIT 10
                """).ToListAsync());

        efChunks.ShouldContain(aChunk);
        efChunks.ShouldNotContain(bChunk);
        efEmbeddings.ShouldBe([aChunk]);
        ignoringFilters.ShouldBe([aChunk], "row-level security hides B's rows even when the EF filter is ignored");
        rawChunks.ShouldBe([aChunk]);
        rawNearest.ShouldBe([aChunk]);
    }

    [Fact]
    public async Task The_search_vector_is_generated_with_the_chunk_language_configuration()
    {
        var tenant = await fixture.CreateTenantAsync();
        var spanish = await AddChunkAsync(tenant.Id, "Entregamos los pedidos rápidamente", "spanish");
        var english = await AddChunkAsync(tenant.Id, "We deliver the orders quickly", "english");

        var lexemes = await fixture.InTenantAsync(tenant.Id, sp =>
            Db(sp).Database.SqlQuery<string>($"SELECT search_vector::text AS \"Value\" FROM kb_chunks WHERE id IN ({spanish}, {english}) ORDER BY ts_config DESC").ToListAsync());
        var stemmedMatch = await fixture.InTenantAsync(tenant.Id, sp =>
            Db(sp).Database.SqlQuery<Guid>($"SELECT id AS \"Value\" FROM kb_chunks WHERE search_vector @@ plainto_tsquery('spanish', 'pedido entregar')").ToListAsync());

        lexemes[0].ShouldBe("'entreg':1 'ped':3 'rapid':4", "Spanish stems, without the stop word 'los'");
        lexemes[1].ShouldContain("'deliv'");
        stemmedMatch.ShouldBe([spanish]);
    }

    [Fact]
    public async Task Vectors_of_two_models_and_dimensions_coexist_and_each_model_has_its_partial_hnsw_index()
    {
        var tenant = await fixture.CreateTenantAsync();
        var chunk = await AddChunkAsync(tenant.Id, "Two models, one chunk.");
        await fixture.InTenantAsync(tenant.Id, async sp =>
        {
            var db = Db(sp);
            db.ChunkEmbeddings.Add(new ChunkEmbedding(Guid.NewGuid(), tenant.Id, chunk, "text-embedding-3-small", UnitVector(1536)));
            await db.SaveChangesAsync();
        });

        var stored = await fixture.InTenantAsync(tenant.Id, sp => Db(sp).ChunkEmbeddings.Where(e => e.ChunkId == chunk).OrderBy(e => e.Dimensions).ToListAsync());
        var indexes = await fixture.InTenantAsync(tenant.Id, sp => Db(sp).Database.SqlQuery<string>($"""
            SELECT indexdef AS "Value" FROM pg_indexes WHERE tablename = 'kb_chunk_embeddings' AND indexdef LIKE '%hnsw%' ORDER BY indexname
            """).ToListAsync());
        var duplicate = await fixture.InTenantAsync(tenant.Id, sp => Should.ThrowAsync<DbUpdateException>(async () =>
        {
            var db = Db(sp);
            db.ChunkEmbeddings.Add(new ChunkEmbedding(Guid.NewGuid(), tenant.Id, chunk, "use-lite-512", UnitVector(512)));
            await db.SaveChangesAsync();
        }));

        stored.Select(e => (e.Model, e.Dimensions, e.Embedding.Length)).ShouldBe([("use-lite-512", 512, 512), ("text-embedding-3-small", 1536, 1536)]);
        indexes.Count.ShouldBe(2);
        indexes[0].ShouldContain("((embedding)::vector(1536)) vector_cosine_ops) WHERE ((model)::text = 'text-embedding-3-small'::text)");
        indexes[1].ShouldContain("((embedding)::vector(512)) vector_cosine_ops) WHERE ((model)::text = 'use-lite-512'::text)");
        duplicate.InnerException.ShouldBeOfType<PostgresException>().SqlState.ShouldBe(PostgresErrorCodes.UniqueViolation);
    }

    [Fact]
    public async Task A_raw_insert_of_a_chunk_for_another_tenant_is_refused_by_row_level_security()
    {
        var a = await fixture.CreateTenantAsync();
        var b = await fixture.CreateTenantAsync();
        var bChunk = await AddChunkAsync(b.Id, "B's text");
        var bSource = await fixture.InTenantAsync(b.Id, sp => Db(sp).KnowledgeChunks.Where(c => c.Id == bChunk).Select(c => c.SourceId).SingleAsync());

        var error = await fixture.InTenantAsync(a.Id, sp => Should.ThrowAsync<PostgresException>(() =>
            Db(sp).Database.ExecuteSqlAsync($"""
                INSERT INTO kb_chunks (id, tenant_id, source_id, position, title, text, token_count, ts_config)
                VALUES ({Guid.NewGuid()}, {b.Id}, {bSource}, 9, 'planted', 'planted', 1, 'english')
                """)));

        error.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege, error.MessageText);
    }

    private async Task<Guid> AddChunkAsync(Guid tenantId, string text, string config = "english") =>
        await fixture.InTenantAsync(tenantId, async sp =>
        {
            var db = Db(sp);
            var source = new KnowledgeSource(Guid.NewGuid(), tenantId, KnowledgeSourceKind.Text, "Source", "en") { Content = text };
            var chunk = new KnowledgeChunk(Guid.NewGuid(), tenantId, source.Id, 0, "Source", text, 8, config);
            db.KnowledgeSources.Add(source);
            db.KnowledgeChunks.Add(chunk);
            db.ChunkEmbeddings.Add(new ChunkEmbedding(Guid.NewGuid(), tenantId, chunk.Id, "use-lite-512", UnitVector(512)));
            await db.SaveChangesAsync();
            return chunk.Id;
        });

    private static float[] UnitVector(int dimensions)
    {
        var vector = new float[dimensions];
        vector[0] = 1;
        return vector;
    }

    private static SmbAgentDbContext Db(IServiceProvider sp) => sp.GetRequiredService<SmbAgentDbContext>();
}
