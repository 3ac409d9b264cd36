using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace SmbAgent.Bench.Retrieval.Measure;

public sealed record CapturedCommand(string Sql, NpgsqlParameter[] Parameters)
{
    /// <summary>The search's vector query: whatever SQL it sends, the one that orders by cosine distance.</summary>
    public bool IsVectorSearch => Sql.Contains("<=>", StringComparison.Ordinal);

    public bool IsTextSearch => Sql.Contains("@@", StringComparison.Ordinal);

    public bool IsSetting => Sql.TrimStart().StartsWith("SET ", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// Records the SQL (and parameters) the real search sends, while a capture is open on the current async flow,
/// so the benchmark can replay exactly that SQL: for recall against an exact scan and for EXPLAIN.
/// </summary>
public sealed class CommandCapture : DbCommandInterceptor
{
    private readonly AsyncLocal<List<CapturedCommand>?> _current = new();

    public IDisposable Into(List<CapturedCommand> commands)
    {
        _current.Value = commands;
        return new Stop(this);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    private void Record(DbCommand command) =>
        _current.Value?.Add(new CapturedCommand(command.CommandText, [.. command.Parameters.Cast<NpgsqlParameter>().Select(p => p.Clone())]));

    private sealed class Stop(CommandCapture capture) : IDisposable
    {
        public void Dispose() => capture._current.Value = null;
    }
}
