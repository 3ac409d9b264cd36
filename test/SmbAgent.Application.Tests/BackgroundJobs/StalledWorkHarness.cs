using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SmbAgent.Application.Tests.KnowledgeBase;
using SmbAgent.BackgroundJobs;
using SmbAgent.BackgroundJobs.StalledWork;
using SmbAgent.Tenancy;
using SmbAgent.TestKit;
using SmbAgent.TestKit.Stubs;

namespace SmbAgent.Application.Tests.BackgroundJobs;

/// <summary>The core over its own database with a clock the test moves, a job client it can break, mail to the SMTP stub and hashing embeddings.</summary>
public sealed class StalledWorkHarness : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public static readonly TimeSpan SweepAfter = TimeSpan.FromMinutes(5);

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public SmtpStubServer Smtp { get; private set; } = null!;

    public FailingJobManager Jobs { get; private set; } = null!;

    public ServiceProvider Services { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("sweep");
        await _database.MigrateAsync();
        Smtp = SmtpStubServer.Start();
        var settings = Smtp.ClientSettings();
        settings["BackgroundJobs:SweepAfter"] = SweepAfter.ToString();
        Services = CoreFixture.BuildServices(_database, settings, services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IBackgroundJobManager, FailingJobManager>();
            services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(new HashingEmbeddingGenerator());
            services.AddSingleton(HashingEmbeddingGenerator.Model);
        });
        Jobs = (FailingJobManager)Services.GetRequiredService<IBackgroundJobManager>();
    }

    /// <summary>One sweep, as the recurring job runs it: for the host, in a fresh scope.</summary>
    public Task SweepAsync() => RunAsync(null, new SweepStalledWorkArgs());

    /// <summary>Runs a job the way a Hangfire worker does: the tenant's job runner in a fresh scope.</summary>
    public Task RunAsync<TArgs>(Guid? tenantId, TArgs args) => Services.RunJobAsync(tenantId, args);

    /// <summary>What was queued for the tenant, of one kind.</summary>
    public IReadOnlyList<TArgs> QueuedFor<TArgs>(Guid tenantId) =>
        [.. Jobs.Queued.Where(j => j.TenantId == tenantId && j.Args is TArgs).Select(j => (TArgs)j.Args)];

    public Task<T> InTenantAsync<T>(Guid tenantId, Func<IServiceProvider, Task<T>> action) => Services.InTenantAsync(tenantId, action);

    public Task InTenantAsync(Guid tenantId, Func<IServiceProvider, Task> action) => Services.InTenantAsync(tenantId, action);

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        await Smtp.DisposeAsync();
        await _database.DisposeAsync();
    }
}
