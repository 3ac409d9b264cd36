using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SmbAgent.Data;
using SmbAgent.Tenancy;

namespace SmbAgent.EntityFrameworkCore.Interceptors;

/// <summary>
/// The third wall's client side: tells PostgreSQL which tenant this session works for
/// (<c>app.tenant_id</c>, and <c>app.bypass_rls</c> when the tenant filter is explicitly disabled), so
/// row-level security holds even for raw SQL. Set on every open (pooled sessions are reset) and again
/// before a command whenever the ambient tenant changed while the connection stayed open.
/// </summary>
public sealed class TenantSessionInterceptor(ICurrentTenant currentTenant, IDataFilter dataFilter)
    : IDbConnectionInterceptor, IDbCommandInterceptor, IDbTransactionInterceptor
{
    private static readonly ConditionalWeakTable<DbConnection, SessionTenant> Applied = new();

    public async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Applied.Remove(connection);
        await ApplyAsync(connection, transaction: null, Desired(), cancellationToken);
    }

    public void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        Applied.Remove(connection);
        Apply(connection, transaction: null, Desired());
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

    // A rolled-back transaction also rolls back a set_config made inside it.
    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context?.Database.GetDbConnection());

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context?.Database.GetDbConnection());
        return Task.CompletedTask;
    }

    private static void Forget(DbConnection? connection)
    {
        if (connection is not null)
        {
            Applied.Remove(connection);
        }
    }

    private SessionTenant Desired() =>
        new(currentTenant.Id?.ToString() ?? string.Empty, !dataFilter.IsEnabled<IMultiTenant>());

    private async Task EnsureAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var desired = Desired();
        if (command.Connection is { } connection && (!Applied.TryGetValue(connection, out var applied) || applied != desired))
        {
            await ApplyAsync(connection, command.Transaction, desired, cancellationToken);
        }
    }

    private void Ensure(DbCommand command)
    {
        var desired = Desired();
        if (command.Connection is { } connection && (!Applied.TryGetValue(connection, out var applied) || applied != desired))
        {
            Apply(connection, command.Transaction, desired);
        }
    }

    private static async Task ApplyAsync(DbConnection connection, DbTransaction? transaction, SessionTenant desired, CancellationToken cancellationToken)
    {
        await using var command = CreateSetCommand(connection, transaction, desired);
        await command.ExecuteNonQueryAsync(cancellationToken);
        Applied.AddOrUpdate(connection, desired);
    }

    private static void Apply(DbConnection connection, DbTransaction? transaction, SessionTenant desired)
    {
        using var command = CreateSetCommand(connection, transaction, desired);
        command.ExecuteNonQuery();
        Applied.AddOrUpdate(connection, desired);
    }

    private static DbCommand CreateSetCommand(DbConnection connection, DbTransaction? transaction, SessionTenant desired)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT set_config('app.tenant_id', @tenant, false), set_config('app.bypass_rls', @bypass, false)";
        AddParameter(command, "tenant", desired.TenantId);
        AddParameter(command, "bypass", desired.Bypass ? "on" : "off");
        return command;
    }

    private static void AddParameter(DbCommand command, string name, string value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private sealed record SessionTenant(string TenantId, bool Bypass);
}
