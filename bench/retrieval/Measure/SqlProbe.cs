using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;

namespace SmbAgent.Bench.Retrieval.Measure;

/// <summary>How to replay a captured query: exact (index scans off), extra settings, a rewrite of its SQL, other parameter values.</summary>
public sealed record ProbeOptions(
    bool Exact = false, IReadOnlyList<string>? Settings = null, Func<string, string>? Rewrite = null, IReadOnlyDictionary<string, object>? Parameters = null)
{
    public static readonly ProbeOptions AsSent = new();

    public static readonly ProbeOptions ExactScan = new(Exact: true);
}

/// <summary>
/// Replays one query the search sent, with the settings it made before it in its transaction, on a session set to
/// the tenant (as the search's own session is): for recall, for timing variants, and under EXPLAIN ANALYZE.
/// </summary>
public sealed partial class SqlProbe(NpgsqlDataSource dataSource)
{
    public const int RecallAt = 5;

    public async Task<ProbeRun> RunAsync(Guid tenantId, IReadOnlyList<CapturedCommand> commands, CapturedCommand target, ProbeOptions options)
    {
        await using var connection = await OpenAsync(tenantId);
        await using var transaction = await connection.BeginTransactionAsync();
        await PrepareAsync(connection, transaction, commands, target, options);
        await using var command = Command(connection, transaction, options.Rewrite?.Invoke(target.Sql) ?? target.Sql, target, options);
        var started = Stopwatch.GetTimestamp();
        var rows = new List<(Guid Id, double Score)>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            var id = reader.GetOrdinal("chunk_id");
            var score = reader.GetOrdinal("score");
            while (await reader.ReadAsync())
            {
                rows.Add((reader.GetGuid(id), reader.GetDouble(score)));
            }
        }

        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        await transaction.CommitAsync();

        // relaxed_order may return neighbours slightly out of order; the search sorts them the same way.
        var top = rows.OrderByDescending(r => r.Score).ThenBy(r => r.Id).Take(RecallAt).Select(r => r.Id).ToList();
        return new ProbeRun(top, rows.Count, elapsed);
    }

    /// <summary>The plan, with the 512 numbers of the question vector elided.</summary>
    public async Task<string> ExplainAsync(Guid tenantId, IReadOnlyList<CapturedCommand> commands, CapturedCommand target, ProbeOptions options)
    {
        await using var connection = await OpenAsync(tenantId);
        await using var transaction = await connection.BeginTransactionAsync();
        await PrepareAsync(connection, transaction, commands, target, options);
        await using var command = Command(connection, transaction, "EXPLAIN (ANALYZE, BUFFERS) " + (options.Rewrite?.Invoke(target.Sql) ?? target.Sql), target, options);
        var plan = new StringBuilder();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.AppendLine(VectorLiteral().Replace(reader.GetString(0), "'[…]'"));
            }
        }

        await transaction.CommitAsync();
        return plan.ToString();
    }

    private async Task<NpgsqlConnection> OpenAsync(Guid tenantId)
    {
        var connection = await dataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("SELECT set_config('app.tenant_id', @tenant, false), set_config('app.bypass_rls', 'off', false)", connection);
        command.Parameters.AddWithValue("tenant", tenantId.ToString());
        await command.ExecuteNonQueryAsync();
        return connection;
    }

    private static async Task PrepareAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<CapturedCommand> commands, CapturedCommand target, ProbeOptions options)
    {
        var settings = commands.TakeWhile(c => !ReferenceEquals(c, target)).Where(c => c.IsSetting).Select(c => c.Sql).ToList();
        settings.AddRange(options.Settings ?? []);
        if (options.Exact)
        {
            settings.Add("SET LOCAL enable_indexscan = off");
        }

        foreach (var sql in settings)
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            await command.ExecuteNonQueryAsync();
        }
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CapturedCommand source, ProbeOptions options)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var parameter in source.Parameters.Select(p => p.Clone()))
        {
            if (options.Parameters?.TryGetValue(parameter.ParameterName, out var value) == true)
            {
                parameter.Value = value;
            }

            command.Parameters.Add(parameter);
        }

        return command;
    }

    [GeneratedRegex(@"'\[[-0-9.e,]+\]'")]
    private static partial Regex VectorLiteral();
}

/// <summary>The top <see cref="SqlProbe.RecallAt"/> chunk ids, how many rows the query returned, and its time.</summary>
public sealed record ProbeRun(IReadOnlyList<Guid> Top, int Rows, double Milliseconds)
{
    public double RecallAgainst(ProbeRun exact) =>
        exact.Top.Count == 0 ? 1.0 : (double)Top.Intersect(exact.Top).Count() / exact.Top.Count;
}
