using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using SmbAgent.Data;
using SmbAgent.Tenancy;

namespace SmbAgent.EntityFrameworkCore.Interceptors;

/// <summary>
/// The third wall's client side: tells PostgreSQL which tenant this session works for (<c>app.tenant_id</c>, and
/// <c>app.bypass_rls</c> when the tenant filter is explicitly disabled), so row-level security holds even for raw SQL.
/// <para>
/// Checked on every open and before every command. EF opens and closes the connection around each query, and setting
/// the tenant each time was half of a chat turn's round trips; so the DbContext's own data source keeps session state
/// across pooled uses (<see cref="ConfigureDataSource"/>) and this remembers, per PostgreSQL session (server process),
/// which tenant it was last set to: a session reused for the same tenant isn't set again. A new session starts
/// unknown. Inside a transaction the setting is made local to it, so a commit or a rollback leaves the session as
/// remembered. A connection from any other pool resets on close and is set on every open, as before.
/// </para>
/// </summary>
public sealed class TenantSessionInterceptor(ICurrentTenant currentTenant, IDataFilter dataFilter)
    : IDbConnectionInterceptor, IDbCommandInterceptor
{
    private static readonly ConcurrentDictionary<SessionKey, SessionTenant> Sessions = new();
    private static readonly ConcurrentDictionary<string, bool> KeepsSessionState = new(StringComparer.Ordinal);
    private static readonly ConditionalWeakTable<DbTransaction, SessionTenant> InTransaction = new();
    private static readonly ConditionalWeakTable<DbConnection, SessionTenant> OnResettingConnection = new();

    /// <summary>Lets the pool keep each session's tenant between uses; a new physical session is marked unknown.</summary>
    public static NpgsqlDataSourceBuilder ConfigureDataSource(NpgsqlDataSourceBuilder builder)
    {
        builder.ConnectionStringBuilder.NoResetOnClose = true;
        builder.UsePhysicalConnectionInitializer(
            Forget,
            connection =>
            {
                Forget(connection);
                return Task.CompletedTask;
            });
        return builder;
    }

    public async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        OnResettingConnection.Remove(connection);
        await EnsureAsync(connection, transaction: null, cancellationToken);
    }

    public void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        OnResettingConnection.Remove(connection);
        Ensure(connection, transaction: null);
    }

    public async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await EnsureAsync(command, cancellationToken);
        return result;
    }

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Ensure(command);
        return result;
    }

    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await EnsureAsync(command, cancellationToken);
        return result;
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Ensure(command);
        return result;
    }

    public async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        await EnsureAsync(command, cancellationToken);
        return result;
    }

    public InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Ensure(command);
        return result;
    }

    private static void Forget(NpgsqlConnection connection) => Sessions.TryRemove(new SessionKey(connection.DataSource, connection.ProcessID), out _);

    private SessionTenant Desired() =>
        new(currentTenant.Id?.ToString() ?? string.Empty, !dataFilter.IsEnabled<IMultiTenant>());

    private Task EnsureAsync(DbCommand command, CancellationToken cancellationToken) =>
        command.Connection is { } connection ? EnsureAsync(connection, command.Transaction, cancellationToken) : Task.CompletedTask;

    private void Ensure(DbCommand command)
    {
        if (command.Connection is { } connection)
        {
            Ensure(connection, command.Transaction);
        }
    }

    private async Task EnsureAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        var desired = Desired();
        if (!IsApplied(connection, transaction, desired))
        {
            await using var command = CreateSetCommand(connection, transaction, desired);
            await command.ExecuteNonQueryAsync(cancellationToken);
            Remember(connection, transaction, desired);
        }
    }

    private void Ensure(DbConnection connection, DbTransaction? transaction)
    {
        var desired = Desired();
        if (!IsApplied(connection, transaction, desired))
        {
            using var command = CreateSetCommand(connection, transaction, desired);
            command.ExecuteNonQuery();
            Remember(connection, transaction, desired);
        }
    }

    private static bool IsApplied(DbConnection connection, DbTransaction? transaction, SessionTenant desired)
    {
        if (transaction is not null && InTransaction.TryGetValue(transaction, out var local))
        {
            return local == desired;
        }

        return Session(connection) is { } key
            ? Sessions.TryGetValue(key, out var applied) && applied == desired
            : OnResettingConnection.TryGetValue(connection, out var set) && set == desired;
    }

    private static void Remember(DbConnection connection, DbTransaction? transaction, SessionTenant desired)
    {
        if (transaction is not null)
        {
            InTransaction.AddOrUpdate(transaction, desired);
        }
        else if (Session(connection) is { } key)
        {
            Sessions[key] = desired;
        }
        else
        {
            OnResettingConnection.AddOrUpdate(connection, desired);
        }
    }

    /// <summary>The PostgreSQL session behind an open connection whose pool keeps session state; null otherwise.</summary>
    private static SessionKey? Session(DbConnection connection) =>
        connection is NpgsqlConnection npgsql
        && KeepsSessionState.GetOrAdd(npgsql.ConnectionString, static c => new NpgsqlConnectionStringBuilder(c).NoResetOnClose)
            ? new SessionKey(npgsql.DataSource, npgsql.ProcessID)
            : null;

    /// <summary>Session-wide outside a transaction; local to the transaction inside one, so it ends with it.</summary>
    private static DbCommand CreateSetCommand(DbConnection connection, DbTransaction? transaction, SessionTenant desired)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT set_config('app.tenant_id', @tenant, @local), set_config('app.bypass_rls', @bypass, @local)";
        AddParameter(command, "tenant", desired.TenantId);
        AddParameter(command, "bypass", desired.Bypass ? "on" : "off");
        AddParameter(command, "local", transaction is not null);
        return command;
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private sealed record SessionTenant(string TenantId, bool Bypass);

    private readonly record struct SessionKey(string DataSource, int ProcessId);
}
