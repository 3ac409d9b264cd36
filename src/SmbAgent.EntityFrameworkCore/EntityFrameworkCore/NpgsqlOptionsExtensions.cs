using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Pgvector.EntityFrameworkCore;

namespace SmbAgent.EntityFrameworkCore;

public static class NpgsqlOptionsExtensions
{
    /// <summary>The provider settings shared by the application, the migrator and design-time tools.</summary>
    public static DbContextOptionsBuilder<SmbAgentDbContext> UseSmbAgentNpgsql(this DbContextOptionsBuilder<SmbAgentDbContext> builder, string connectionString)
    {
        builder.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history").UseVector()).UseSnakeCaseNamingConvention();
        return builder;
    }

    public static DbContextOptionsBuilder UseSmbAgentNpgsql(this DbContextOptionsBuilder builder, DbDataSource dataSource)
    {
        builder.UseNpgsql(dataSource, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history").UseVector()).UseSnakeCaseNamingConvention();
        return builder;
    }
}
