using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SmbAgent.Data;

namespace SmbAgent.TestKit;

/// <summary>A database of its own for one test fixture, created empty from template1 (which has pgvector) and dropped at the end.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(string name)
    {
        Name = name;
        AppConnectionString = TestEnvironment.ForDatabase(TestEnvironment.AppConnectionString, name);
        OwnerConnectionString = TestEnvironment.ForDatabase(TestEnvironment.OwnerConnectionString, name);
        MailDirectory = Path.Combine(Path.GetTempPath(), "smbagent-test-mail", name);
    }

    public string Name { get; }

    public string AppConnectionString { get; }

    public string OwnerConnectionString { get; }

    /// <summary>
    /// The pickup folder of the hosts over this database: a test that reads the mails finds only its fixture's, not
    /// those of every run on the machine (an unreadable one left by an earlier run failed a later one).
    /// </summary>
    public string MailDirectory { get; }

    public static async Task<TestDatabase> CreateAsync(string purpose)
    {
        var name = $"smbagent_test_{purpose.ToLowerInvariant()}_{Guid.NewGuid():N}"[..48];
        await using var connection = new NpgsqlConnection(TestEnvironment.ForDatabase(TestEnvironment.OwnerConnectionString, "postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE template1", connection);
        await command.ExecuteNonQueryAsync();
        return new TestDatabase(name);
    }

    /// <summary>Runs the real <c>migrate</c> (schema, grants, job store, seed) against this database.</summary>
    public async Task MigrateAsync(IDictionary<string, string?>? overrides = null)
    {
        await using var services = CoreFixture.BuildServices(this, overrides);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DbMigrationService>().MigrateAsync();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(TestEnvironment.ForDatabase(TestEnvironment.OwnerConnectionString, "postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
        if (Directory.Exists(MailDirectory))
        {
            Directory.Delete(MailDirectory, recursive: true);
        }
    }
}
