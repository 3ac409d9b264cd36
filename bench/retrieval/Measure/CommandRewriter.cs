using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SmbAgent.Bench.Retrieval.Measure;

/// <summary>
/// Experiments only: changes the SQL the real search sends (e.g. materialise a CTE, add a setting) so a proposed
/// change can be timed end to end through the shipped code before anyone edits it.
/// </summary>
public sealed class CommandRewriter(Func<string, string> rewrite) : DbCommandInterceptor
{
    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        command.CommandText = rewrite(command.CommandText);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        command.CommandText = rewrite(command.CommandText);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        command.CommandText = rewrite(command.CommandText);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        command.CommandText = rewrite(command.CommandText);
        return ValueTask.FromResult(result);
    }
}
