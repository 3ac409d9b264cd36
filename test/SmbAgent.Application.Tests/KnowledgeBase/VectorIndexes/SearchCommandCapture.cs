using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace SmbAgent.Application.Tests.KnowledgeBase.VectorIndexes;

/// <summary>Keeps the vector queries the search sends (text and parameters), so a test can EXPLAIN exactly them.</summary>
public sealed class SearchCommandCapture : DbCommandInterceptor
{
    private readonly ConcurrentQueue<(string Sql, NpgsqlParameter[] Parameters)> _vectorQueries = new();

    public IReadOnlyList<(string Sql, NpgsqlParameter[] Parameters)> VectorQueries => [.. _vectorQueries];

    public void Clear() => _vectorQueries.Clear();

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (command.CommandText.Contains("FROM kb_chunk_embeddings", StringComparison.Ordinal))
        {
            _vectorQueries.Enqueue((command.CommandText, [.. command.Parameters.Cast<NpgsqlParameter>().Select(p => p.Clone())]));
        }

        return ValueTask.FromResult(result);
    }
}
