using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.BackgroundJobs;
using SmbAgent.Data;
using SmbAgent.KnowledgeBase;
using SmbAgent.KnowledgeBase.Ingestion;
using SmbAgent.KnowledgeBase.Reembedding;
using SmbAgent.KnowledgeBase.Search;
using SmbAgent.Tenancy;
using SmbAgent.TestKit;
using SmbAgent.TestKit.Stubs;

namespace SmbAgent.Application.Tests.KnowledgeBase.Reembedding;

/// <summary>
/// Switching from the local model to OpenAI (a local stub whose vectors are bag-of-words, so they still mean
/// something) and back, over one database: search works before, during and after re-embedding.
/// </summary>
public sealed class ProviderSwitchTests : IAsyncLifetime
{
    private const string OpenAIModel = "text-embedding-3-small";
    private const string LocalModel = "use-lite-512";

    private TestDatabase _database = null!;
    private OpenAiStubServer _openAi = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("kbswitch");
        await _database.MigrateAsync();
        _openAi = await OpenAiStubServer.StartAsync();
        _openAi.Embed = text => [.. HashingEmbeddingGenerator.Vector(text), .. new float[1536 - 512]];
    }

    [Fact]
    public async Task Sources_are_re_embedded_in_the_background_and_search_answers_before_during_and_after()
    {
        Guid tenantId;
        Guid sourceId;
        await using (var local = Build(openAi: false))
        {
            tenantId = (await TestTenants.CreateAsync(local)).TenantId;
            sourceId = await AddIndexedFaqAsync(local, tenantId);
            var before = await SearchAsync(local, tenantId, "my pipe burst, can you come tonight?");
            before.Found.ShouldBeTrue();
            before.Passages[0].Citation.ShouldBe("Do you offer 24/7 emergency plumbing?");
        }

        await using (var openAi = Build(openAi: true))
        {
            var during = await SearchAsync(openAi, tenantId, "my pipe burst, can you come tonight?");
            during.Found.ShouldBeTrue("the local model still answers for the vectors it made");
            during.Passages[0].Citation.ShouldBe("Do you offer 24/7 emergency plumbing?");
            _openAi.Requests.ShouldBeEmpty("no vectors of the new model exist yet, so the question is not embedded with it");

            (await ScheduleAsync(openAi)).ShouldBe([(tenantId, sourceId)]);
            await RunReembeddingAsync(openAi, tenantId, sourceId);
            (await EmbeddingModelsAsync(openAi, tenantId)).ShouldBe([(OpenAIModel, 1536, 4)]);
            (await SourceAsync(openAi, tenantId, sourceId)).EmbeddingModel.ShouldBe(OpenAIModel);

            var after = await SearchAsync(openAi, tenantId, "Do you offer emergency plumbing at night?");
            after.Found.ShouldBeTrue();
            after.Passages[0].Citation.ShouldBe("Do you offer 24/7 emergency plumbing?");

            var requests = _openAi.Requests.Count;
            await RunReembeddingAsync(openAi, tenantId, sourceId);
            await RunIngestionAsync(openAi, tenantId, sourceId);
            _openAi.Requests.Count.ShouldBe(requests, "a source already on the current model is neither re-embedded nor re-indexed");
            (await ScheduleAsync(openAi)).ShouldBeEmpty();
        }

        await using (var back = Build(openAi: false))
        {
            var withoutOldModel = await SearchAsync(back, tenantId, "Which payment methods do you accept?");
            withoutOldModel.Passages.ShouldNotBeEmpty("OpenAI is no longer configured, but full text still finds the passages");
            withoutOldModel.Passages[0].Citation.ShouldBe("Which payment methods do you accept?");
            withoutOldModel.Passages[0].VectorSimilarity.ShouldBeNull();

            (await ScheduleAsync(back)).ShouldBe([(tenantId, sourceId)]);
            await RunReembeddingAsync(back, tenantId, sourceId);
            (await EmbeddingModelsAsync(back, tenantId)).ShouldBe([(LocalModel, 512, 4)]);
            (await SearchAsync(back, tenantId, "my pipe burst, can you come tonight?")).Passages[0].Citation
                .ShouldBe("Do you offer 24/7 emergency plumbing?");
        }
    }

    [Fact]
    public async Task Only_sources_of_another_model_are_queued_each_in_its_own_tenant()
    {
        await using var local = Build(openAi: false);
        var first = (await TestTenants.CreateAsync(local)).TenantId;
        var second = (await TestTenants.CreateAsync(local)).TenantId;
        var firstSource = await AddIndexedFaqAsync(local, first);
        var secondSource = await AddIndexedFaqAsync(local, second);

        (await ScheduleAsync(local)).ShouldNotContain(s => s.SourceId == firstSource || s.SourceId == secondSource);

        await using var openAi = Build(openAi: true);
        var queued = await ScheduleAsync(openAi);
        queued.ShouldContain((first, firstSource));
        queued.ShouldContain((second, secondSource));
    }

    private ServiceProvider Build(bool openAi)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Embeddings:Endpoint"] = TestEnvironment.EmbeddingsEndpoint.ToString(),
            ["KnowledgeBase:MinSimilarityByModel:" + OpenAIModel] = "0.3",
        };
        if (openAi)
        {
            settings["OpenAI:ApiKey"] = "sk-test";
            settings["OpenAI:Endpoint"] = _openAi.Endpoint.ToString();
        }

        return CoreFixture.BuildServices(_database, settings, services => services.AddSingleton<IBackgroundJobManager, RecordingJobManager>());
    }

    private static async Task<Guid> AddIndexedFaqAsync(ServiceProvider services, Guid tenantId)
    {
        KnowledgeSourceDto created;
        using (services.GetRequiredService<ICurrentTenant>().Change(tenantId))
        {
            await using var scope = services.CreateAsyncScope();
            created = await scope.ServiceProvider.GetRequiredService<KnowledgeSourceAppService>().CreateFaqAsync(new CreateFaqSourceDto
            {
                Title = "Plumbing FAQ",
                Text = """
                       Q: Do you offer 24/7 emergency plumbing?
                       A: Yes. A plumber is on call day and night, weekends included, for burst pipes, floods and leaks.
                       Q: Which payment methods do you accept?
                       A: Cash, cards and bank transfer. Invoices are due within 14 days.
                       Q: Do you install water heaters?
                       A: We supply and fit gas and electric water heaters, with a five year warranty.
                       Q: Which towns do you cover?
                       A: Springfield and every town within 25 miles of it.
                       """,
            });
        }

        await RunIngestionAsync(services, tenantId, created.Id);
        return created.Id;
    }

    private static async Task RunIngestionAsync(ServiceProvider services, Guid tenantId, Guid sourceId)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TenantJobRunner>().RunAsync(tenantId, new IngestKnowledgeSourceArgs(sourceId), CancellationToken.None);
    }

    private static async Task RunReembeddingAsync(ServiceProvider services, Guid tenantId, Guid sourceId)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TenantJobRunner>().RunAsync(tenantId, new ReembedKnowledgeSourceArgs(sourceId), CancellationToken.None);
    }

    /// <summary>Runs the scheduler from the host scope and returns what it queued.</summary>
    private static async Task<List<(Guid? TenantId, Guid SourceId)>> ScheduleAsync(ServiceProvider services)
    {
        var jobs = (RecordingJobManager)services.GetRequiredService<IBackgroundJobManager>();
        var before = jobs.Queued.Count;
        await using var scope = services.CreateAsyncScope();
        var count = await scope.ServiceProvider.GetRequiredService<KnowledgeReembeddingScheduler>().ScheduleAsync(CancellationToken.None);
        var queued = jobs.Queued.Skip(before).Select(q => (q.TenantId, ((ReembedKnowledgeSourceArgs)q.Args).SourceId)).ToList();
        queued.Count.ShouldBe(count);
        return queued;
    }

    private static async Task<KnowledgeSearchResult> SearchAsync(ServiceProvider services, Guid tenantId, string question)
    {
        using var tenant = services.GetRequiredService<ICurrentTenant>().Change(tenantId);
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IKnowledgeSearch>().SearchAsync(question);
    }

    private static async Task<List<(string Model, int Dimensions, int Count)>> EmbeddingModelsAsync(ServiceProvider services, Guid tenantId)
    {
        using var tenant = services.GetRequiredService<ICurrentTenant>().Change(tenantId);
        await using var scope = services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<ISmbAgentDbContext>().ChunkEmbeddings
            .GroupBy(e => new { e.Model, e.Dimensions })
            .Select(g => new { g.Key.Model, g.Key.Dimensions, Count = g.Count() })
            .ToListAsync();
        return rows.ConvertAll(r => (r.Model, r.Dimensions, r.Count));
    }

    private static async Task<KnowledgeSource> SourceAsync(ServiceProvider services, Guid tenantId, Guid sourceId)
    {
        using var tenant = services.GetRequiredService<ICurrentTenant>().Change(tenantId);
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISmbAgentDbContext>().KnowledgeSources.AsNoTracking().SingleAsync(s => s.Id == sourceId);
    }

    public async Task DisposeAsync()
    {
        await _openAi.DisposeAsync();
        await _database.DisposeAsync();
    }
}
