using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Pgvector.Npgsql;
using SmbAgent.Bench.Retrieval;
using SmbAgent.Bench.Retrieval.Corpus;
using SmbAgent.Bench.Retrieval.Data;
using SmbAgent.Bench.Retrieval.Measure;
using SmbAgent.EntityFrameworkCore;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var settings = BenchSettings.Parse(args);
var started = Stopwatch.GetTimestamp();

var builder = new CorpusBuilder(settings);
var passages = builder.BuildPassages();
var tenants = builder.BuildTenants();
var sources = builder.BuildSources(tenants, passages);
var bySize = tenants.Skip(1).OrderByDescending(t => t.ChunkCount).ToList();
var measuredPlans = new[] { ("big", tenants[0]), ("median", bySize[bySize.Count / 2]), ("small", bySize[^1]) };
var questions = measuredPlans.ToDictionary(m => m.Item1, m => builder.BuildQuestions(m.Item2.KindIndex, settings.Warmup + settings.Queries));
var cache = EmbeddingCache.Open(settings.CacheDirectory, settings.EmbeddingModel, settings.EmbeddingDimensions);
IReadOnlyDictionary<int, Guid> tenantIds;
Percentiles embedding;

// The application as configured (real model, real database roles): for the data set, the load and the model's timing.
// Disposed before the searches, so the experiments can copy the database (no other sessions on it).
await using (var appServices = BenchServices.Build(settings))
{
    var model = appServices.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
    Console.WriteLine("1. Data set");
    Console.WriteLine($"  {passages.Count} passages over {BusinessKinds.All.Count} kinds of business; {tenants.Count} tenants, "
                      + $"{sources.Count} sources, {tenants.Sum(t => t.ChunkCount)} chunks (big {tenants[0].ChunkCount}, others {bySize[^1].ChunkCount}–{bySize[0].ChunkCount})");
    await cache.EnsureAsync([.. passages.Select(p => p.Text)], model, "passages");
    await cache.EnsureAsync([.. questions.Values.SelectMany(q => q)], model, "questions");
    var passageVectors = passages.Select(p => cache[p.Text]).ToList();
    Console.WriteLine("  " + await RealismCheck.RunAsync(sources, new ChunkVectors(passageVectors, settings.NoiseNorm, settings.Seed + 3), cache, model, settings.Seed));

    Console.WriteLine($"2. Database {settings.Database}");
    var database = new BenchDatabase(settings);
    var fingerprint = DatasetFingerprint.Of(settings, passages, tenants);
    if (!settings.Fresh && await database.HoldsAsync(fingerprint))
    {
        Console.WriteLine("  reusing it: it already holds this data set under these migrations (--fresh rebuilds it)");
        tenantIds = await database.TenantIdsAsync();
    }
    else
    {
        var step = Stopwatch.GetTimestamp();
        await database.RecreateAsync();
        await BenchDatabase.MigrateAsync(appServices);
        Console.WriteLine($"  created from template1 and migrated in {Stopwatch.GetElapsedTime(step).TotalSeconds:F1} s");
        tenantIds = await database.CreateTenantsAsync(appServices, tenants);
        await new BulkLoader(settings).LoadAsync(sources, tenantIds, new ChunkVectors(passageVectors, settings.NoiseNorm, settings.Seed + 2));
        await database.MarkLoadedAsync(fingerprint);
    }

    Console.WriteLine("  per-business vector indexes: " + string.Join("\n    ", await database.MaintainVectorIndexesAsync(appServices)));

    Console.WriteLine("3. Question embedding with the real model");
    embedding = await QueryEmbeddingTiming.MeasureAsync(model, questions["big"], warmup: 5, count: 50);
}

Console.WriteLine("4. Searches");
var questionVectors = questions.Values.SelectMany(q => q).Distinct(StringComparer.Ordinal).ToDictionary(q => q, q => cache[q], StringComparer.Ordinal);
var results = new List<TenantResult>();
var capture = new CommandCapture();
await using (var searchServices = BenchServices.Build(settings, services =>
             {
                 services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(new PrecomputedEmbeddingGenerator(questionVectors));
                 services.ConfigureDbContext<SmbAgentDbContext>((_, options) => options.AddInterceptors(capture));
             }))
{
    var probeSource = new NpgsqlDataSourceBuilder(settings.AppConnectionString);
    probeSource.UseVector();
    await using var probeDataSource = probeSource.Build();
    var benchmark = new TenantBenchmark(new SearchRunner(searchServices, capture), new SqlProbe(probeDataSource), settings.Warmup);
    foreach (var (label, plan) in measuredPlans)
    {
        var step = Stopwatch.GetTimestamp();
        results.Add(await benchmark.RunAsync(new MeasuredTenant(label, plan, tenantIds[plan.Index], questions[label])));
        Console.WriteLine($"  {label} tenant ({plan.ChunkCount} chunks, {plan.Kind.Name}): {Stopwatch.GetElapsedTime(step).TotalSeconds:F1} s");
    }
}

Console.WriteLine();
Console.WriteLine("EXPLAIN (ANALYZE, BUFFERS) of the first measured question per tenant:");
Console.WriteLine(Report.Plans(results));
Console.WriteLine(Report.Table(results, embedding));
foreach (var line in Report.Verdicts(results))
{
    Console.WriteLine(line);
}

if (settings.Experiments)
{
    Console.WriteLine();
    Console.WriteLine("Experiments: the same questions' SQL replayed with variants (milliseconds, query alone):");
    Console.WriteLine(await new Experiments(settings, questionVectors).RunAsync(results));
}

Console.WriteLine($"(whole run {Stopwatch.GetElapsedTime(started).TotalSeconds:F0} s)");
