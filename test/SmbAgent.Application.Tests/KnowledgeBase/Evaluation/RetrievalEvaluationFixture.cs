using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SmbAgent.BackgroundJobs;
using SmbAgent.KnowledgeBase;
using SmbAgent.KnowledgeBase.Ingestion;
using SmbAgent.KnowledgeBase.Search;
using SmbAgent.Tenancy;
using SmbAgent.TestKit;

namespace SmbAgent.Application.Tests.KnowledgeBase.Evaluation;

/// <summary>
/// Ingests every business of the retrieval set as its own tenant with the real local embedding model (the
/// registration the hosts use without an OpenAI key), asks every question once, and writes the report. The
/// threshold is the application's default, so the tests measure what the agent would get.
/// </summary>
public sealed class RetrievalEvaluationFixture : IAsyncLifetime
{
    /// <summary>As many passages as the agent asks for by default.</summary>
    public const int Top = 5;

    private TestDatabase? _database;
    private ServiceProvider? _services;

    public IReadOnlyList<IndexedBusiness> Businesses { get; private set; } = [];

    public IReadOnlyList<QuestionRun> Runs { get; private set; } = [];

    public double MinSimilarity { get; private set; }

    public string Report { get; private set; } = string.Empty;

    public string ReportPath { get; } = Path.Combine(TestEnvironment.RepositoryRoot, "TestResults", "SmbAgent.Application.Tests", "retrieval-evaluation.md");

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("kbeval");
        await _database.MigrateAsync();
        _services = CoreFixture.BuildServices(_database, new Dictionary<string, string?>
        {
            ["Embeddings:Endpoint"] = TestEnvironment.EmbeddingsEndpoint.ToString(),
            ["Embeddings:Model"] = "use-lite-512",
            ["Embeddings:Dimensions"] = "512",
        });
        MinSimilarity = _services.GetRequiredService<IOptions<KnowledgeSearchOptions>>().Value.MinSimilarity;

        var clock = Stopwatch.StartNew();
        var businesses = new List<IndexedBusiness>();
        foreach (var business in RetrievalSet.Load())
        {
            businesses.Add(await IndexAsync(business));
        }

        Businesses = businesses;
        var indexing = clock.Elapsed;
        clock.Restart();
        Runs = await AskEverythingAsync();
        var asking = clock.Elapsed;

        Report = RetrievalReport.Build(this, indexing, asking);
        Directory.CreateDirectory(Path.GetDirectoryName(ReportPath)!);
        await File.WriteAllTextAsync(ReportPath, Report);
    }

    private async Task<IndexedBusiness> IndexAsync(EvaluationBusiness business)
    {
        var owner = await TestTenants.CreateAsync(Services);
        var faq = new CreateFaqSourceDto
        {
            Title = business.Faq.Title,
            Pairs = [.. business.Faq.Pairs.Select(p => new FaqPairDto { Question = p.Question, Answer = p.Answer })],
        };
        var ids = new List<Guid> { await AddIndexedAsync(owner.TenantId, s => s.CreateFaqAsync(faq)) };
        foreach (var document in business.Documents)
        {
            var text = new CreateTextSourceDto { Title = document.Title, Text = document.Text, IsMarkdown = true };
            ids.Add(await AddIndexedAsync(owner.TenantId, s => s.CreateTextAsync(text)));
        }

        var sources = new List<KnowledgeSourceDetailsDto>();
        foreach (var id in ids)
        {
            sources.Add(await InTenantAsync(owner.TenantId, sp => sp.GetRequiredService<KnowledgeSourceAppService>().GetAsync(id)));
        }

        return new IndexedBusiness(business, owner.TenantId, sources);
    }

    /// <summary>Adds a source and runs its ingestion the way Hangfire does: through the runner, which enters the tenant.</summary>
    private async Task<Guid> AddIndexedAsync(Guid tenantId, Func<KnowledgeSourceAppService, Task<KnowledgeSourceDto>> create)
    {
        var created = await InTenantAsync(tenantId, sp => create(sp.GetRequiredService<KnowledgeSourceAppService>()));
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TenantJobRunner>().RunAsync(tenantId, new IngestKnowledgeSourceArgs(created.Id), CancellationToken.None);
        return created.Id;
    }

    private async Task<List<QuestionRun>> AskEverythingAsync()
    {
        var runs = new List<QuestionRun>();
        foreach (var tenant in Businesses)
        {
            var name = tenant.Business.Name;
            foreach (var question in tenant.Business.Questions)
            {
                runs.Add(new QuestionRun(name, name, QuestionKind.OnTopic, question.Text, question, null, await SearchAsync(tenant, question.Text), question.HeldOut));
            }

            foreach (var question in tenant.Business.OffTopic)
            {
                runs.Add(new QuestionRun(name, name, QuestionKind.OffTopic, question.Text, null, question.Kind, await SearchAsync(tenant, question.Text), question.HeldOut));
            }

            foreach (var other in Businesses.Where(b => b != tenant))
            {
                foreach (var question in other.Business.Questions)
                {
                    runs.Add(new QuestionRun(other.Business.Name, name, QuestionKind.CrossBusiness, question.Text, question, null, await SearchAsync(tenant, question.Text), question.HeldOut));
                }
            }
        }

        return runs;
    }

    private Task<KnowledgeSearchResult> SearchAsync(IndexedBusiness tenant, string question) =>
        InTenantAsync(tenant.TenantId, sp => sp.GetRequiredService<IKnowledgeSearch>().SearchAsync(question, Top));

    private Task<T> InTenantAsync<T>(Guid tenantId, Func<IServiceProvider, Task<T>> action) => Services.InTenantAsync(tenantId, action);

    private ServiceProvider Services => _services ?? throw new InvalidOperationException("Not initialized.");

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
