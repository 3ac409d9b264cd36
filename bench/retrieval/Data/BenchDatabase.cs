using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SmbAgent.Bench.Retrieval.Corpus;
using SmbAgent.BackgroundJobs;
using SmbAgent.Data;
using SmbAgent.KnowledgeBase.VectorIndexes;
using SmbAgent.Tenancy;

namespace SmbAgent.Bench.Retrieval.Data;

/// <summary>
/// The benchmark's own database: created from template1 (which has pgvector), migrated by the real
/// <see cref="DbMigrationService"/>, its tenants made by the real <see cref="TenantManager"/>. Two bookkeeping
/// tables of its own remember which data set it holds, so a rerun with the same data and migrations reuses it.
/// </summary>
public sealed class BenchDatabase(BenchSettings settings)
{
    public async Task<bool> HoldsAsync(string fingerprint)
    {
        await using (var admin = new NpgsqlConnection(settings.AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", admin);
            exists.Parameters.AddWithValue("name", settings.Database);
            if (await exists.ExecuteScalarAsync() is null)
            {
                return false;
            }
        }

        await using var connection = new NpgsqlConnection(settings.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT fingerprint FROM bench_dataset WHERE to_regclass('bench_dataset') IS NOT NULL", connection);
        try
        {
            return await command.ExecuteScalarAsync() as string == fingerprint;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return false;
        }
    }

    public async Task RecreateAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(settings.AdminConnectionString);
        await admin.OpenAsync();
        var name = new NpgsqlCommandBuilder().QuoteIdentifier(settings.Database);
        await Execute(admin, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        await Execute(admin, $"CREATE DATABASE {name} TEMPLATE template1");
    }

    public static async Task MigrateAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DbMigrationService>().MigrateAsync();
    }

    /// <summary>Each tenant with its owner, through the real tenant manager (as sign-up does).</summary>
    public async Task<IReadOnlyDictionary<int, Guid>> CreateTenantsAsync(IServiceProvider services, IReadOnlyList<TenantPlan> tenants)
    {
        var started = Stopwatch.GetTimestamp();
        var ids = new Dictionary<int, Guid>();
        foreach (var plan in tenants)
        {
            await using var scope = services.CreateAsyncScope();
            var tenant = await scope.ServiceProvider.GetRequiredService<TenantManager>().CreateAsync(new CreateTenantRequest(
                plan.Name, $"owner-{plan.Index}@bench.example", $"Bench-{Guid.NewGuid():N}Aa1", "Owner", BusinessType: plan.Kind.Type));
            ids[plan.Index] = tenant.Id;
        }

        await using var connection = new NpgsqlConnection(settings.OwnerConnectionString);
        await connection.OpenAsync();
        await Execute(connection, "CREATE TABLE bench_tenants (index integer PRIMARY KEY, tenant_id uuid NOT NULL, chunks integer NOT NULL)");
        foreach (var plan in tenants)
        {
            await using var insert = new NpgsqlCommand("INSERT INTO bench_tenants VALUES (@index, @tenant, @chunks)", connection);
            insert.Parameters.AddWithValue("index", plan.Index);
            insert.Parameters.AddWithValue("tenant", ids[plan.Index]);
            insert.Parameters.AddWithValue("chunks", plan.ChunkCount);
            await insert.ExecuteNonQueryAsync();
        }

        Console.WriteLine($"  {tenants.Count} tenants with owners in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s");
        return ids;
    }

    public async Task<IReadOnlyDictionary<int, Guid>> TenantIdsAsync()
    {
        await using var connection = new NpgsqlConnection(settings.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT index, tenant_id FROM bench_tenants", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new Dictionary<int, Guid>();
        while (await reader.ReadAsync())
        {
            ids[reader.GetInt32(0)] = reader.GetGuid(1);
        }

        return ids;
    }

    public async Task MarkLoadedAsync(string fingerprint)
    {
        await using var connection = new NpgsqlConnection(settings.OwnerConnectionString);
        await connection.OpenAsync();
        await Execute(connection, "CREATE TABLE bench_dataset (fingerprint text NOT NULL, loaded_at timestamptz NOT NULL DEFAULT now())");
        await using var insert = new NpgsqlCommand("INSERT INTO bench_dataset (fingerprint) VALUES (@fingerprint)", connection);
        insert.Parameters.AddWithValue("fingerprint", fingerprint);
        await insert.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Runs the real maintenance job of per-business vector indexes (with its default thresholds), as the API host's
    /// job server would within minutes of the load, and lists the per-business indexes it leaves.
    /// </summary>
    public async Task<IReadOnlyList<string>> MaintainVectorIndexesAsync(IServiceProvider services)
    {
        var started = Stopwatch.GetTimestamp();
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<TenantJobRunner>().RunAsync(null, new MaintainTenantVectorIndexesArgs(), CancellationToken.None);
        }

        var lines = new List<string> { $"maintenance job ran in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s" };
        await using var connection = new NpgsqlConnection(settings.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT c.relname, pg_size_pretty(pg_relation_size(c.oid)), pg_get_expr(i.indpred, i.indrelid)
            FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
            WHERE i.indrelid = 'kb_chunk_embeddings'::regclass AND i.indisvalid AND c.relname LIKE 'ix\_kb\_tenant\_hnsw\_%'
            ORDER BY c.relname
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add($"{reader.GetString(0)} ({reader.GetString(1)}) WHERE {reader.GetString(2)}");
        }

        return lines;
    }

    internal static async Task Execute(NpgsqlConnection connection, string sql, int timeoutSeconds = 30)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = timeoutSeconds };
        await command.ExecuteNonQueryAsync();
    }
}
