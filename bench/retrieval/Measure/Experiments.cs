using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Pgvector.Npgsql;
using SmbAgent.Bench.Retrieval.Data;
using SmbAgent.EntityFrameworkCore;

namespace SmbAgent.Bench.Retrieval.Measure;

/// <summary>
/// Proposed changes, timed on the same questions before anyone edits the search: end to end through the real
/// search (its SQL rewritten by an interceptor, or its settings or database changed), and each of its two queries
/// replayed alone with variants. Two scratch copies of the bench database hold the schema changes:
/// <list type="bullet">
/// <item>"gin": kb_chunks no longer forces its row-level security policy on the owner, and the owner stands in for
/// the application role ("GIN usable under RLS"). Under RLS the planner only uses an index for a leakproof
/// operator, and <c>@@</c> is not one; this gives the plans that marking <c>ts_match_vq</c> LEAKPROOF (or a role
/// that bypasses RLS) would give. The other tables keep forcing their policies.</item>
/// <item>"partial": the same, plus a partial HNSW index for each measured tenant with at least
/// <see cref="PartialIndexThreshold"/> chunks; used as the application role too (RLS as shipped).</item>
/// </list>
/// Nothing here changes the shipped search.
/// </summary>
public sealed partial class Experiments(BenchSettings settings, IReadOnlyDictionary<string, float[]> questionVectors)
{
    public const int PartialIndexThreshold = 5_000;

    public async Task<string> RunAsync(IReadOnlyList<TenantResult> results)
    {
        var gin = settings.Database + "_lab_gin";
        var partial = settings.Database + "_lab_partial";
        await CreateLabAsync(gin, []);
        await CreateLabAsync(partial, [.. results.Where(r => r.Tenant.Plan.ChunkCount >= PartialIndexThreshold).Select(r => r.Tenant.Id)]);
        try
        {
            var ginConnection = LabOwner(gin);
            var partialConnection = LabOwner(partial);
            await using var app = DataSource(settings.AppConnectionString);
            await using var ginOwner = DataSource(ginConnection);
            await using var partialOwner = DataSource(partialConnection);
            var appProbe = new SqlProbe(app);
            var partialApp = new NpgsqlConnectionStringBuilder(settings.AppConnectionString) { Database = partial }.ConnectionString;
            var endToEnd = new EndToEndVariant[]
            {
                new("as shipped", null, sql => sql),
                new("A. question CTE AS MATERIALIZED", null, Materialize),
                new("B. A + partial HNSW index per big tenant", partialApp, Materialize),
                new("C. A + GIN usable under RLS", ginConnection, Materialize),
                new("D. A + GIN + partial HNSW index", partialConnection, Materialize),
                new("E. D + hnsw.ef_search = 20", partialConnection, sql => AddSetting(Materialize(sql), "SET LOCAL hnsw.ef_search = 20")),
            };
            var vector = new (string Name, SqlProbe Probe, ProbeOptions Options)[]
            {
                ("as sent", appProbe, ProbeOptions.AsSent),
                ("hnsw.ef_search = 20", appProbe, new ProbeOptions(Settings: ["SET LOCAL hnsw.ef_search = 20"])),
                ("hnsw.ef_search = 100", appProbe, new ProbeOptions(Settings: ["SET LOCAL hnsw.ef_search = 100"])),
                ("hnsw.iterative_scan = strict_order", appProbe, new ProbeOptions(Settings: ["SET LOCAL hnsw.iterative_scan = strict_order"])),
                ("hnsw.iterative_scan = off", appProbe, new ProbeOptions(Settings: ["SET LOCAL hnsw.iterative_scan = off"])),
                ("20 candidates instead of 40", appProbe, new ProbeOptions(Parameters: new Dictionary<string, object> { ["k"] = 20 })),
                ("partial HNSW index per big tenant", new SqlProbe(partialOwner), ProbeOptions.AsSent),
                ("exact (index scans off)", appProbe, ProbeOptions.ExactScan),
            };
            var fullText = new (string Name, SqlProbe Probe, ProbeOptions Options)[]
            {
                ("as sent (RLS applies)", appProbe, ProbeOptions.AsSent),
                ("question CTE AS MATERIALIZED", appProbe, new ProbeOptions(Rewrite: Materialize)),
                ("as sent, GIN usable under RLS", new SqlProbe(ginOwner), ProbeOptions.AsSent),
                ("MATERIALIZED, GIN usable", new SqlProbe(ginOwner), new ProbeOptions(Rewrite: Materialize)),
            };

            var text = new StringBuilder();
            foreach (var result in results)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"{result.Tenant.Label} tenant ({result.Tenant.Plan.ChunkCount} chunks):");
                text.Append(await EndToEndAsync(result, endToEnd));
                text.Append(await VectorAsync(result, appProbe, vector));
                text.Append(await FullTextAsync(result, fullText));
            }

            return text.ToString();
        }
        finally
        {
            await DropLabAsync(gin);
            await DropLabAsync(partial);
        }
    }

    private async Task<string> EndToEndAsync(TenantResult result, EndToEndVariant[] variants)
    {
        var runners = new List<(string Name, ServiceProvider Services, SearchRunner Runner)>();
        try
        {
            foreach (var variant in variants)
            {
                var services = BenchServices.Build(settings, s =>
                {
                    s.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(new PrecomputedEmbeddingGenerator(questionVectors));
                    s.ConfigureDbContext<SmbAgentDbContext>((_, options) => options.AddInterceptors(new CommandRewriter(variant.Rewrite)));
                }, variant.ConnectionString);
                runners.Add((variant.Name, services, new SearchRunner(services, new CommandCapture())));
            }

            foreach (var question in result.Sent.Take(settings.Warmup))
            {
                foreach (var (_, _, runner) in runners)
                {
                    await runner.OursAsync(result.Tenant.Id, question.Question);
                }
            }

            // Round robin over the variants per question, so load from elsewhere on the machine hits them alike.
            var timings = runners.ToDictionary(r => r.Name, _ => new List<double>());
            var differing = runners.ToDictionary(r => r.Name, _ => 0);
            foreach (var question in result.Sent)
            {
                IReadOnlyList<Guid>? reference = null;
                foreach (var (name, _, runner) in runners)
                {
                    var run = await runner.OursAsync(result.Tenant.Id, question.Question);
                    var top = run.Result.Passages.Select(p => p.ChunkId).ToList();
                    reference ??= top;
                    timings[name].Add(run.Milliseconds);
                    differing[name] += top.SequenceEqual(reference) ? 0 : 1;
                }
            }

            var text = new StringBuilder();
            text.AppendLine("  end to end through the real search                p50    p95    p99  top-5 differs");
            foreach (var (name, _, _) in runners)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"    {name,-45} {new Percentiles(timings[name]).Summary}  {differing[name],13}");
            }

            return text.ToString();
        }
        finally
        {
            foreach (var (_, services, _) in runners)
            {
                await services.DisposeAsync();
            }
        }
    }

    private static async Task<string> VectorAsync(TenantResult result, SqlProbe truthProbe, (string Name, SqlProbe Probe, ProbeOptions Options)[] variants)
    {
        var timings = variants.ToDictionary(v => v.Name, _ => new List<double>());
        var recalls = variants.ToDictionary(v => v.Name, _ => new List<double>());
        var shorts = variants.ToDictionary(v => v.Name, _ => 0);
        foreach (var question in result.Sent.Where(q => q.Vector is not null))
        {
            var truth = await truthProbe.RunAsync(result.Tenant.Id, question.Commands, question.Vector!, ProbeOptions.ExactScan);
            foreach (var (name, probe, options) in variants)
            {
                var run = await probe.RunAsync(result.Tenant.Id, question.Commands, question.Vector!, options);
                timings[name].Add(run.Milliseconds);
                recalls[name].Add(run.RecallAgainst(truth));
                shorts[name] += run.Rows < Math.Min(truth.Rows, options.Parameters?["k"] as int? ?? int.MaxValue) ? 1 : 0;
            }
        }

        var text = new StringBuilder();
        text.AppendLine("  vector query alone                            p50    p95  recall@5  short");
        foreach (var (name, _, _) in variants)
        {
            var p = new Percentiles(timings[name]);
            text.AppendLine(CultureInfo.InvariantCulture,
                $"    {name,-41} {p.P50,5:F1} {p.P95,6:F1}  {recalls[name].DefaultIfEmpty(double.NaN).Average(),8:F3}  {shorts[name],5}");
        }

        return text.ToString();
    }

    private static async Task<string> FullTextAsync(TenantResult result, (string Name, SqlProbe Probe, ProbeOptions Options)[] variants)
    {
        var questions = result.Sent.Where(q => q.Text is not null).ToList();
        var timings = variants.ToDictionary(v => v.Name, _ => new List<double>());
        var differing = variants.ToDictionary(v => v.Name, _ => 0);
        var matched = 0;
        foreach (var question in questions)
        {
            ProbeRun? reference = null;
            foreach (var (name, probe, options) in variants)
            {
                var run = await probe.RunAsync(result.Tenant.Id, question.Commands, question.Text!, options);
                reference ??= run;
                timings[name].Add(run.Milliseconds);
                differing[name] += run.Top.SequenceEqual(reference.Top) ? 0 : 1;
            }

            matched += reference!.Rows > 0 ? 1 : 0;
        }

        var text = new StringBuilder();
        var rewritten = questions.Count > 0 && Materialize(questions[0].Text!.Sql) != questions[0].Text!.Sql;
        text.AppendLine(CultureInfo.InvariantCulture,
            $"  full-text query alone                         p50    p95  top-5 differs   ({matched} of {questions.Count} questions match any chunk{(rewritten ? "" : "; the MATERIALIZED rewrite found no CTE to change")})");
        foreach (var (name, _, _) in variants)
        {
            var p = new Percentiles(timings[name]);
            text.AppendLine(CultureInfo.InvariantCulture, $"    {name,-41} {p.P50,5:F1} {p.P95,6:F1}  {differing[name],13}");
        }

        return text.ToString();
    }

    private static string Materialize(string sql) => CommonTableExpression().Replace(sql, "WITH $1 AS MATERIALIZED (", 1);

    private static string AddSetting(string sql, string setting) =>
        sql.StartsWith("SET LOCAL hnsw.", StringComparison.OrdinalIgnoreCase) ? $"{sql}; {setting}" : sql;

    private string LabOwner(string lab) => new NpgsqlConnectionStringBuilder(settings.OwnerConnectionString) { Database = lab }.ConnectionString;

    private async Task CreateLabAsync(string lab, IReadOnlyList<Guid> partialIndexTenants)
    {
        NpgsqlConnection.ClearAllPools();
        await using (var admin = new NpgsqlConnection(settings.AdminConnectionString))
        {
            await admin.OpenAsync();
            await BenchDatabase.Execute(admin, $"DROP DATABASE IF EXISTS \"{lab}\" WITH (FORCE)");

            // A copy needs the source to have no sessions. The migrator's EF context keeps an idle pooled session of
            // the owner in a data source of its own, out of reach of ClearAllPools: end the owner's idle sessions.
            await using (var terminate = new NpgsqlCommand(
                             "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = @name AND usename = current_user AND pid <> pg_backend_pid()", admin))
            {
                terminate.Parameters.AddWithValue("name", settings.Database);
                await terminate.ExecuteNonQueryAsync();
            }

            await BenchDatabase.Execute(admin, $"CREATE DATABASE \"{lab}\" TEMPLATE \"{settings.Database}\"", timeoutSeconds: 600);
        }

        await using var owner = new NpgsqlConnection(LabOwner(lab));
        await owner.OpenAsync();
        await BenchDatabase.Execute(owner, "ALTER TABLE kb_chunks NO FORCE ROW LEVEL SECURITY");
        await BenchDatabase.Execute(owner, "SET maintenance_work_mem = '512MB'");
        for (var i = 0; i < partialIndexTenants.Count; i++)
        {
            // The same expression and operator class as the migration's index, narrowed to one tenant.
            await BenchDatabase.Execute(owner, string.Create(CultureInfo.InvariantCulture, $"""
                CREATE INDEX ix_bench_partial_{i} ON kb_chunk_embeddings
                USING hnsw ((embedding::vector({settings.EmbeddingDimensions})) vector_cosine_ops)
                WHERE model = '{settings.EmbeddingModel}' AND tenant_id = '{partialIndexTenants[i]}'
                """), timeoutSeconds: 600);
        }

        await BenchDatabase.Execute(owner, "ANALYZE kb_chunk_embeddings");
    }

    private async Task DropLabAsync(string lab)
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(settings.AdminConnectionString);
        await admin.OpenAsync();
        await BenchDatabase.Execute(admin, $"DROP DATABASE IF EXISTS \"{lab}\" WITH (FORCE)");
    }

    private static NpgsqlDataSource DataSource(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.UseVector();
        return builder.Build();
    }

    [GeneratedRegex(@"WITH\s+(\w+)\s+AS\s*\(", RegexOptions.IgnoreCase)]
    private static partial Regex CommonTableExpression();

    private sealed record EndToEndVariant(string Name, string? ConnectionString, Func<string, string> Rewrite);
}
