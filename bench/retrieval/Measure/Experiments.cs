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
/// search with its SQL rewritten by an interceptor, and each of its two queries replayed alone with variants.
/// "RLS not applied" runs on a scratch copy of the database whose kb_chunks no longer forces its policy on the
/// owner, with the owner as the application's role: the plans a LEAKPROOF match operator or a role that bypasses
/// row-level security would allow. The other tables keep forcing their policies.
/// </summary>
public sealed partial class Experiments(BenchSettings settings, IReadOnlyDictionary<string, float[]> questionVectors)
{
    private static readonly (string Name, ProbeOptions Options)[] VectorVariants =
    [
        ("as sent", ProbeOptions.AsSent),
        ("hnsw.ef_search = 20", new ProbeOptions(Settings: ["SET LOCAL hnsw.ef_search = 20"])),
        ("hnsw.ef_search = 100", new ProbeOptions(Settings: ["SET LOCAL hnsw.ef_search = 100"])),
        ("hnsw.iterative_scan = strict_order", new ProbeOptions(Settings: ["SET LOCAL hnsw.iterative_scan = strict_order"])),
        ("hnsw.iterative_scan = off", new ProbeOptions(Settings: ["SET LOCAL hnsw.iterative_scan = off"])),
        ("exact (index scans off)", ProbeOptions.ExactScan),
    ];

    public async Task<string> RunAsync(IReadOnlyList<TenantResult> results)
    {
        var lab = settings.Database + "_lab";
        await CreateLabAsync(lab);
        try
        {
            await using var app = DataSource(settings.AppConnectionString);
            await using var labOwner = DataSource(new NpgsqlConnectionStringBuilder(settings.OwnerConnectionString) { Database = lab }.ConnectionString);
            var appProbe = new SqlProbe(app);
            var labProbe = new SqlProbe(labOwner);
            var labOwnerConnectionString = new NpgsqlConnectionStringBuilder(settings.OwnerConnectionString) { Database = lab }.ConnectionString;
            var variants = new (string Name, string? ConnectionString, Func<string, string> Rewrite)[]
            {
                ("as shipped", null, sql => sql),
                ("question CTE AS MATERIALIZED", null, Materialize),
                ("MATERIALIZED, RLS not applied to kb_chunks", labOwnerConnectionString, Materialize),
                ("same + hnsw.ef_search = 20", labOwnerConnectionString, sql => AddSetting(Materialize(sql), "SET LOCAL hnsw.ef_search = 20")),
            };
            var text = new StringBuilder();
            foreach (var result in results)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"{result.Tenant.Label} tenant ({result.Tenant.Plan.ChunkCount} chunks):");
                text.Append(await EndToEndAsync(result, variants));
                text.Append(await VectorAsync(result, appProbe));
                text.Append(await FullTextAsync(result, appProbe, labProbe));
            }

            return text.ToString();
        }
        finally
        {
            await DropLabAsync(lab);
        }
    }

    private async Task<string> EndToEndAsync(TenantResult result, (string Name, string? ConnectionString, Func<string, string> Rewrite)[] variants)
    {
        var runners = new List<(string Name, ServiceProvider Services, SearchRunner Runner)>();
        try
        {
            foreach (var (name, connectionString, rewrite) in variants)
            {
                var services = BenchServices.Build(settings, s =>
                {
                    s.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(new PrecomputedEmbeddingGenerator(questionVectors));
                    s.ConfigureDbContext<SmbAgentDbContext>((_, options) => options.AddInterceptors(new CommandRewriter(rewrite)));
                }, connectionString);
                runners.Add((name, services, new SearchRunner(services, new CommandCapture())));
            }

            var timings = runners.ToDictionary(r => r.Name, _ => new List<double>());
            var differing = runners.ToDictionary(r => r.Name, _ => 0);
            foreach (var question in result.Sent.Take(settings.Warmup))
            {
                foreach (var (_, _, runner) in runners)
                {
                    await runner.OursAsync(result.Tenant.Id, question.Question);
                }
            }

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
            text.AppendLine("  end to end through the real search          p50    p95    p99  top-5 differs");
            foreach (var (name, _, _) in runners)
            {
                var p = new Percentiles(timings[name]);
                text.AppendLine(CultureInfo.InvariantCulture, $"    {name,-42} {p.Summary}  {differing[name],13}");
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

    private static async Task<string> VectorAsync(TenantResult result, SqlProbe probe)
    {
        var questions = result.Sent.Where(q => q.Vector is not null).ToList();
        var timings = VectorVariants.ToDictionary(v => v.Name, _ => new List<double>());
        var recalls = VectorVariants.ToDictionary(v => v.Name, _ => new List<double>());
        var shorts = VectorVariants.ToDictionary(v => v.Name, _ => 0);
        foreach (var question in questions)
        {
            var truth = await probe.RunAsync(result.Tenant.Id, question.Commands, question.Vector!, ProbeOptions.ExactScan);
            foreach (var (name, options) in VectorVariants)
            {
                var run = await probe.RunAsync(result.Tenant.Id, question.Commands, question.Vector!, options);
                timings[name].Add(run.Milliseconds);
                recalls[name].Add(run.RecallAgainst(truth));
                shorts[name] += run.Rows < truth.Rows ? 1 : 0;
            }
        }

        var text = new StringBuilder();
        text.AppendLine("  vector query variants              p50    p95  recall@5  short");
        foreach (var (name, _) in VectorVariants)
        {
            var p = new Percentiles(timings[name]);
            text.AppendLine(CultureInfo.InvariantCulture,
                $"    {name,-32} {p.P50,5:F1} {p.P95,6:F1}  {recalls[name].DefaultIfEmpty(double.NaN).Average(),8:F3}  {shorts[name],5}");
        }

        return text.ToString();
    }

    private static async Task<string> FullTextAsync(TenantResult result, SqlProbe appProbe, SqlProbe labProbe)
    {
        var questions = result.Sent.Where(q => q.Text is not null).ToList();
        var variants = new (string Name, SqlProbe Probe, ProbeOptions Options)[]
        {
            ("as sent (RLS applies)", appProbe, ProbeOptions.AsSent),
            ("question CTE AS MATERIALIZED", appProbe, new ProbeOptions(Rewrite: Materialize)),
            ("as sent, RLS not applied", labProbe, ProbeOptions.AsSent),
            ("MATERIALIZED, RLS not applied", labProbe, new ProbeOptions(Rewrite: Materialize)),
        };
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
            $"  full-text query variants            p50    p95  top-5 differs   ({matched} of {questions.Count} questions match any chunk{(rewritten ? "" : "; the MATERIALIZED rewrite found no CTE to change")})");
        foreach (var (name, _, _) in variants)
        {
            var p = new Percentiles(timings[name]);
            text.AppendLine(CultureInfo.InvariantCulture, $"    {name,-32} {p.P50,5:F1} {p.P95,6:F1}  {differing[name],13}");
        }

        return text.ToString();
    }

    private static string Materialize(string sql) => CommonTableExpression().Replace(sql, "WITH $1 AS MATERIALIZED (", 1);

    private static string AddSetting(string sql, string setting) =>
        sql.StartsWith("SET LOCAL hnsw.", StringComparison.OrdinalIgnoreCase) ? $"{sql}; {setting}" : sql;

    private async Task CreateLabAsync(string lab)
    {
        NpgsqlConnection.ClearAllPools();
        await using (var admin = new NpgsqlConnection(settings.AdminConnectionString))
        {
            await admin.OpenAsync();
            await BenchDatabase.Execute(admin, $"DROP DATABASE IF EXISTS \"{lab}\" WITH (FORCE)");
            await BenchDatabase.Execute(admin, $"CREATE DATABASE \"{lab}\" TEMPLATE \"{settings.Database}\"", timeoutSeconds: 600);
        }

        await using var owner = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(settings.OwnerConnectionString) { Database = lab }.ConnectionString);
        await owner.OpenAsync();
        await BenchDatabase.Execute(owner, "ALTER TABLE kb_chunks NO FORCE ROW LEVEL SECURITY");
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
}
