using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.BackgroundJobs;
using SmbAgent.KnowledgeBase;
using SmbAgent.KnowledgeBase.Ingestion;
using SmbAgent.KnowledgeBase.Search;
using SmbAgent.Tenancy;
using SmbAgent.TestKit;

namespace SmbAgent.Application.Tests.KnowledgeBase.Search;

/// <summary>
/// The core over a migrated database with the hashing embedder. The threshold suits bag-of-words vectors, and
/// each search keeps only three candidates so a test can make the vectors miss a passage.
/// </summary>
public sealed class KnowledgeSearchFixture : IAsyncLifetime
{
    public const double MinSimilarity = 0.3;

    private TestDatabase? _database;

    public ServiceProvider Services { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("kbsearch");
        await _database.MigrateAsync();
        Services = CoreFixture.BuildServices(
            _database,
            new Dictionary<string, string?>
            {
                ["KnowledgeBase:MinSimilarity"] = MinSimilarity.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["KnowledgeBase:CandidatesPerSearch"] = "3",
            },
            services =>
            {
                services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(new HashingEmbeddingGenerator());
                services.AddSingleton(HashingEmbeddingGenerator.Model);
            });
    }

    public Task<TenantOwner> CreateTenantAsync() => TestTenants.CreateAsync(Services);

    /// <summary>Adds a source and runs its ingestion the way Hangfire does.</summary>
    public async Task<Guid> AddIndexedAsync(Guid tenantId, Func<KnowledgeSourceAppService, Task<KnowledgeSourceDto>> create)
    {
        KnowledgeSourceDto created;
        using (Services.GetRequiredService<ICurrentTenant>().Change(tenantId))
        {
            await using var scope = Services.CreateAsyncScope();
            created = await create(scope.ServiceProvider.GetRequiredService<KnowledgeSourceAppService>());
        }

        await using (var scope = Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<TenantJobRunner>().RunAsync(tenantId, new IngestKnowledgeSourceArgs(created.Id), CancellationToken.None);
        }

        return created.Id;
    }

    public async Task<KnowledgeSearchResult> SearchAsync(Guid tenantId, string question, int top = 5)
    {
        using var tenant = Services.GetRequiredService<ICurrentTenant>().Change(tenantId);
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IKnowledgeSearch>().SearchAsync(question, top);
    }

    public async Task DisposeAsync()
    {
        if (Services is not null)
        {
            await Services.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
