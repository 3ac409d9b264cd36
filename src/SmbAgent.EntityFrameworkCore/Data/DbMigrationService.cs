using Hangfire.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using SmbAgent.EntityFrameworkCore;
using SmbAgent.Tenancy;

namespace SmbAgent.Data;

/// <summary>
/// The <c>migrate</c> command (ABP's DbMigrator): schema changes as the owner role, grants for the
/// application role, the job store's schema, then the host seed and every tenant's seed.
/// </summary>
public sealed partial class DbMigrationService(
    IOptions<DatabaseOptions> options,
    ICurrentTenant currentTenant,
    IDataFilter dataFilter,
    IDataSeeder seeder,
    SmbAgentDbContext db,
    ILogger<DbMigrationService> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        var ownerConnection = options.Value.OwnerConnectionString
                              ?? throw new InvalidOperationException("ConnectionStrings:SmbAgentOwner is not configured.");
        await using (var owner = new SmbAgentDbContext(
                         new DbContextOptionsBuilder<SmbAgentDbContext>().UseSmbAgentNpgsql(ownerConnection).Options,
                         currentTenant,
                         dataFilter))
        {
            var pending = (await owner.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            LogMigrating(pending.Count);
            await owner.Database.MigrateAsync(cancellationToken);
        }

        await using (var connection = new NpgsqlConnection(ownerConnection))
        {
            await connection.OpenAsync(cancellationToken);
            PostgreSqlObjectsInstaller.Install(connection, DatabaseOptions.JobSchema);
            await GrantApplicationRoleAsync(connection, cancellationToken);
        }

        await seeder.SeedAsync(new DataSeedContext(null), cancellationToken);

        List<Guid> tenantIds;
        using (dataFilter.Disable<IMultiTenant>())
        {
            tenantIds = await db.Tenants.AsNoTracking().OrderBy(t => t.CreationTime).Select(t => t.Id).ToListAsync(cancellationToken);
        }

        foreach (var tenantId in tenantIds)
        {
            await seeder.SeedAsync(new DataSeedContext(tenantId), cancellationToken);
        }

        LogDone(tenantIds.Count);
    }

    private async Task GrantApplicationRoleAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var role = new NpgsqlCommandBuilder().QuoteIdentifier(options.Value.ApplicationRole);
        foreach (var schema in new[] { "public", DatabaseOptions.JobSchema })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"""
                GRANT USAGE ON SCHEMA {schema} TO {role};
                GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {schema} TO {role};
                GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA {schema} TO {role};
                """;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Count} pending migration(s)")]
    private partial void LogMigrating(int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database migrated and seeded ({TenantCount} tenant(s))")]
    private partial void LogDone(int tenantCount);
}
