using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.BackgroundJobs;
using SmbAgent.KnowledgeBase;
using SmbAgent.KnowledgeBase.Ingestion;
using SmbAgent.TestKit;

namespace SmbAgent.Application.Tests.KnowledgeBase;

/// <summary>The core over a migrated database, with the hashing embedding generator and loopback URLs allowed, plus a local web server.</summary>
public sealed class KnowledgeBaseFixture : IAsyncLifetime
{
    private TestDatabase? _database;

    public ServiceProvider Services { get; private set; } = null!;

    public TestWebServer Web { get; private set; } = null!;

    public HashingEmbeddingGenerator Embeddings { get; } = new();

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("kb");
        await _database.MigrateAsync();
        Services = CoreFixture.BuildServices(
            _database,
            new Dictionary<string, string?> { ["KnowledgeBase:AllowLoopbackUrls"] = "true", ["KnowledgeBase:FetchTimeoutSeconds"] = "2" },
            services =>
            {
                services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(Embeddings);
                services.AddSingleton(HashingEmbeddingGenerator.Model);
            });
        Web = await TestWebServer.StartAsync();
    }

    public Task<TenantOwner> CreateTenantAsync() => TestTenants.CreateAsync(Services);

    /// <summary>Calls the app service in a fresh scope inside the tenant.</summary>
    public async Task<T> AsTenantAsync<T>(Guid tenantId, Func<KnowledgeSourceAppService, Task<T>> action)
    {
        using var tenant = Services.GetRequiredService<Tenancy.ICurrentTenant>().Change(tenantId);
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<KnowledgeSourceAppService>());
    }

    /// <summary>Runs the ingestion job the way Hangfire does: through the runner, which enters the tenant.</summary>
    public async Task RunIngestionAsync(Guid tenantId, Guid sourceId)
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TenantJobRunner>().RunAsync(tenantId, new IngestKnowledgeSourceArgs(sourceId), CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (Web is not null)
        {
            await Web.DisposeAsync();
        }

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
