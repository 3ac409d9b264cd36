using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Pgvector.Npgsql;
using SmbAgent.BackgroundJobs;
using SmbAgent.EntityFrameworkCore;
using SmbAgent.KnowledgeBase;
using SmbAgent.KnowledgeBase.Ingestion;
using SmbAgent.KnowledgeBase.Search;
using SmbAgent.KnowledgeBase.VectorIndexes;
using SmbAgent.Tenancy;
using SmbAgent.TestKit;

namespace SmbAgent.Application.Tests.KnowledgeBase.VectorIndexes;

/// <summary>
/// A migrated database with the per-business index thresholds lowered (an index from 600 passages, dropped below
/// 300) and exact search only below 50 passages, so a few hundred passages take the HNSW path. A second core on the
/// same database searches every knowledge base exactly: the reference for recall.
/// </summary>
public sealed class TenantVectorIndexFixture : IAsyncLifetime
{
    public const int CreateFromChunks = 600;
    public const int DropBelowChunks = 300;
    public const int CandidatesPerSearch = 10;

    private TestDatabase? _database;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialized.");

    public ServiceProvider Services { get; private set; } = null!;

    public ServiceProvider ExactServices { get; private set; } = null!;

    public SearchCommandCapture Capture { get; } = new();

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("kbvecidx");
        await _database.MigrateAsync();
        Services = Build(exactBelow: 50, Capture);
        ExactServices = Build(exactBelow: int.MaxValue, capture: null);
    }

    public Task<TenantOwner> CreateTenantAsync() => TestTenants.CreateAsync(Services);

    /// <summary>A FAQ of <paramref name="count"/> passages of one cluster each, ingested the way Hangfire runs the job.</summary>
    public async Task<Guid> AddFaqAsync(Guid tenantId, int firstCluster, int clusters, int itemsPerCluster)
    {
        var pairs = Enumerable.Range(firstCluster, clusters)
            .SelectMany(c => Enumerable.Range(0, itemsPerCluster).Select(i => new FaqPairDto
            {
                Question = $"Question {ClusteredEmbeddingGenerator.Passage(c, i)}",
                Answer = $"Answer about {ClusteredEmbeddingGenerator.Passage(c, i)}.",
            }))
            .ToList();
        KnowledgeSourceDto created;
        using (Services.GetRequiredService<ICurrentTenant>().Change(tenantId))
        {
            await using var scope = Services.CreateAsyncScope();
            created = await scope.ServiceProvider.GetRequiredService<KnowledgeSourceAppService>()
                .CreateFaqAsync(new CreateFaqSourceDto { Title = $"FAQ {firstCluster}", Pairs = pairs });
        }

        await using (var scope = Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<TenantJobRunner>().RunAsync(tenantId, new IngestKnowledgeSourceArgs(created.Id), CancellationToken.None);
        }

        return created.Id;
    }

    public async Task DeleteSourceAsync(Guid tenantId, Guid sourceId)
    {
        using var tenant = Services.GetRequiredService<ICurrentTenant>().Change(tenantId);
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<KnowledgeSourceAppService>().DeleteAsync(sourceId);
    }

    /// <summary>The maintenance job as the recurring Hangfire job runs it: through the runner, for the host.</summary>
    public async Task MaintainIndexesAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TenantJobRunner>().RunAsync(null, new MaintainTenantVectorIndexesArgs(), CancellationToken.None);
    }

    public static async Task<KnowledgeSearchResult> SearchAsync(ServiceProvider services, Guid tenantId, string question)
    {
        using var tenant = services.GetRequiredService<ICurrentTenant>().Change(tenantId);
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IKnowledgeSearch>().SearchAsync(question);
    }

    /// <summary>The per-business vector indexes in the catalog whose definition names <paramref name="tenantId"/>: name, OID, definition.</summary>
    public async Task<List<(string Name, uint Oid, string Definition)>> TenantIndexesAsync(Guid tenantId)
    {
        await using var connection = new NpgsqlConnection(Database.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT c.relname, c.oid, pg_get_indexdef(c.oid)
            FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
            WHERE i.indrelid = 'kb_chunk_embeddings'::regclass AND i.indisvalid AND pg_get_indexdef(c.oid) LIKE '%' || @tenant || '%'
            ORDER BY c.relname
            """, connection);
        command.Parameters.AddWithValue("tenant", tenantId.ToString());
        var indexes = new List<(string, uint, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            indexes.Add((reader.GetString(0), reader.GetFieldValue<uint>(1), reader.GetString(2)));
        }

        return indexes;
    }

    /// <summary>
    /// The plan of a captured query, as the application role under row-level security for <paramref name="tenantId"/>,
    /// in a transaction with the search's own setting. Statistics are refreshed first, as autovacuum would have.
    /// <paramref name="generic"/>: the plan prepared statements get after a few executions (Npgsql auto-prepare),
    /// made for any parameter values, instead of the one planned with the values as the search sends it today.
    /// </summary>
    public async Task<string> ExplainAsync(Guid tenantId, (string Sql, NpgsqlParameter[] Parameters) query, bool generic = false)
    {
        await using (var owner = new NpgsqlConnection(Database.OwnerConnectionString))
        {
            await owner.OpenAsync();
            await using var analyze = new NpgsqlCommand("ANALYZE kb_chunk_embeddings", owner);
            await analyze.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlDataSourceBuilder(Database.AppConnectionString);
        builder.UseVector();
        await using var dataSource = builder.Build();
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var setup = new NpgsqlCommand("SELECT set_config('app.tenant_id', @tenant, true); SET LOCAL hnsw.iterative_scan = relaxed_order", connection, transaction))
        {
            setup.Parameters.AddWithValue("tenant", tenantId.ToString());
            await setup.ExecuteNonQueryAsync();
        }

        NpgsqlCommand explain;
        if (generic)
        {
            var sql = query.Sql;
            for (var i = 0; i < query.Parameters.Length; i++)
            {
                sql = Regex.Replace(sql, $@"@{query.Parameters[i].ParameterName}\b", $"${i + 1}");
            }

            await using (var prepare = new NpgsqlCommand($"PREPARE vector_search AS {sql}; SET LOCAL plan_cache_mode = force_generic_plan", connection, transaction))
            {
                await prepare.ExecuteNonQueryAsync();
            }

            // The values inline: EXECUTE's arguments can't be protocol parameters.
            var values = query.Parameters.Select(p => $"'{Convert.ToString(p.Value, CultureInfo.InvariantCulture)}'");
            explain = new NpgsqlCommand($"EXPLAIN EXECUTE vector_search({string.Join(", ", values)})", connection, transaction);
        }
        else
        {
            explain = new NpgsqlCommand($"EXPLAIN {query.Sql}", connection, transaction);
            explain.Parameters.AddRange(query.Parameters.Select(p => p.Clone()).ToArray());
        }

        var lines = new List<string>();
        await using (explain)
        await using (var reader = await explain.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(0));
            }
        }

        // The question's vector makes a plan unreadable.
        return Regex.Replace(string.Join('\n', lines), @"'\[[^\]]{40,}\]'", "'[…]'");
    }

    private ServiceProvider Build(int exactBelow, SearchCommandCapture? capture) => CoreFixture.BuildServices(
        Database,
        new Dictionary<string, string?>
        {
            ["KnowledgeBase:ExactSearchBelowChunks"] = exactBelow.ToString(CultureInfo.InvariantCulture),
            ["KnowledgeBase:CandidatesPerSearch"] = CandidatesPerSearch.ToString(CultureInfo.InvariantCulture),
            ["KnowledgeBase:TenantVectorIndexes:CreateFromChunks"] = CreateFromChunks.ToString(CultureInfo.InvariantCulture),
            ["KnowledgeBase:TenantVectorIndexes:DropBelowChunks"] = DropBelowChunks.ToString(CultureInfo.InvariantCulture),
        },
        services =>
        {
            services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(new ClusteredEmbeddingGenerator());
            services.AddSingleton(HashingEmbeddingGenerator.Model);
            if (capture is not null)
            {
                services.ConfigureDbContext<SmbAgentDbContext>((_, options) => options.AddInterceptors(capture));
            }
        });

    public async Task DisposeAsync()
    {
        foreach (var services in new[] { Services, ExactServices })
        {
            if (services is not null)
            {
                await services.DisposeAsync();
            }
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
