using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SmbAgent.TestKit;

namespace SmbAgent.Application.Tests.Privacy;

/// <summary>The data-protection services over a migrated database of their own; what they leave is read as the owner, past row-level security.</summary>
public sealed class PrivacyFixture : IAsyncLifetime
{
    private TestDatabase? _database;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialized.");

    public ServiceProvider Services { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("privacy");
        await _database.MigrateAsync();
        Services = CoreFixture.BuildServices(_database);
    }

    public async Task<Guid> CreateTenantAsync() => (await TestTenants.CreateAsync(Services)).TenantId;

    public Task<T> InTenantAsync<T>(Guid? tenantId, Func<IServiceProvider, Task<T>> action) => Services.InTenantAsync(tenantId, action);

    public Task InTenantAsync(Guid? tenantId, Func<IServiceProvider, Task> action) => Services.InTenantAsync(tenantId, action);

    /// <summary>A connection as the tables' owner with row-level security bypassed: it sees every business's rows.</summary>
    public async Task<NpgsqlConnection> OpenOwnerConnectionAsync()
    {
        var connection = new NpgsqlConnection(Database.OwnerConnectionString);
        await connection.OpenAsync();
        await using var bypass = new NpgsqlCommand("SET app.bypass_rls = 'on'", connection);
        await bypass.ExecuteNonQueryAsync();
        return connection;
    }

    /// <summary>A number from SQL run past row-level security (<see cref="OpenOwnerConnectionAsync"/>).</summary>
    public async Task<long> CountAsync(string sql, params object[] parameters)
    {
        await using var connection = await OpenOwnerConnectionAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        for (var i = 0; i < parameters.Length; i++)
        {
            command.Parameters.AddWithValue($"p{i}", parameters[i]);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Runs SQL as the tables' owner: to age rows past what the product itself would let a test write.</summary>
    public async Task ExecuteAsync(string sql, params object[] parameters)
    {
        await using var connection = await OpenOwnerConnectionAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        for (var i = 0; i < parameters.Length; i++)
        {
            command.Parameters.AddWithValue($"p{i}", parameters[i]);
        }

        await command.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        if (Services is not null)
        {
            await Services.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
