using Hangfire;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.BackgroundJobs;
using SmbAgent.KnowledgeBase.Ingestion;
using SmbAgent.TestKit;

namespace SmbAgent.Web.Tests.Knowledge;

/// <summary>
/// The admin host over a database of its own with the real local embedding model, loopback URLs allowed
/// (these tests only: the pages they fetch are on <see cref="Pages"/>), and no job server: tests run the
/// queued ingestion jobs themselves.
/// </summary>
public sealed class KnowledgeFixture : IAsyncLifetime
{
    private TestDatabase? _database;

    public WebHostFactory Factory { get; private set; } = null!;

    public TestWebServer Pages { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("webkb");
        await _database.MigrateAsync();
        Factory = new WebHostFactory(_database, overrides: Settings(allowLoopbackUrls: true));
        Pages = await TestWebServer.StartAsync();
    }

    /// <summary>The real local embedding model, and loopback URLs only when asked for.</summary>
    public static Dictionary<string, string?> Settings(bool allowLoopbackUrls) => new()
    {
        ["Embeddings:Endpoint"] = TestEnvironment.EmbeddingsEndpoint.ToString(),
        ["KnowledgeBase:AllowLoopbackUrls"] = allowLoopbackUrls ? "true" : "false",
        ["KnowledgeBase:FetchTimeoutSeconds"] = "5",
    };

    public Browser CreateBrowser() =>
        new(Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = WebHostFactory.BaseAddress, AllowAutoRedirect = false, HandleCookies = true }));

    public Task<TenantOwner> CreateTenantAsync() => TestTenants.CreateAsync(Factory.Services);

    /// <summary>Runs the tenant's queued ingestion jobs as the job server would, then removes them from the queue.</summary>
    public Task<int> RunQueuedIngestionsAsync(Guid tenantId) => RunQueuedIngestionsAsync(Factory.Services, tenantId);

    public static async Task<int> RunQueuedIngestionsAsync(IServiceProvider services, Guid tenantId)
    {
        var queued = services.GetRequiredService<JobStorage>().GetMonitoringApi().EnqueuedJobs("default", 0, 1000)
            // By state name: Hangfire.PostgreSql keeps reporting a deleted job as "in enqueued state".
            .Where(j => j.Value.State == EnqueuedState.StateName
                        && j.Value.Job?.Type == typeof(TenantJobRunner)
                        && j.Value.Job.Args[0] is Guid queuedFor && queuedFor == tenantId
                        && j.Value.Job.Args[1] is IngestKnowledgeSourceArgs)
            .ToList();
        foreach (var (jobId, job) in queued)
        {
            await using (var scope = services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<TenantJobRunner>()
                    .RunAsync(tenantId, (IngestKnowledgeSourceArgs)job.Job.Args[1], CancellationToken.None);
            }

            services.GetRequiredService<IBackgroundJobClient>().Delete(jobId);
        }

        return queued.Count;
    }

    public async Task DisposeAsync()
    {
        if (Pages is not null)
        {
            await Pages.DisposeAsync();
        }

        if (Factory is not null)
        {
            await Factory.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

/// <summary>The knowledge page tests share one host and database: tenants keep them apart.</summary>
[CollectionDefinition(Name)]
public sealed class KnowledgePagesGroup : ICollectionFixture<KnowledgeFixture>
{
    public const string Name = "Knowledge pages";
}
