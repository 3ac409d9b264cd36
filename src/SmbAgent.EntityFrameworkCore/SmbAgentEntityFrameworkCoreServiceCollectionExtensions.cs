using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Npgsql;
using Pgvector.Npgsql;
using SmbAgent.BackgroundJobs;
using SmbAgent.Data;
using SmbAgent.EntityFrameworkCore;
using SmbAgent.EntityFrameworkCore.Interceptors;
using SmbAgent.Health;
using SmbAgent.Identity;
using SmbAgent.Usage;

namespace SmbAgent;

public static class SmbAgentEntityFrameworkCoreServiceCollectionExtensions
{
    /// <summary>PostgreSQL: the DbContext with its three tenant walls, Identity stores, Data Protection keys and the job store.</summary>
    public static IServiceCollection AddSmbAgentEntityFrameworkCore(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("SmbAgent")
                               ?? throw new InvalidOperationException("ConnectionStrings:SmbAgent is not configured.");
        services.Configure<DatabaseOptions>(o =>
        {
            o.ConnectionString = connectionString;
            o.OwnerConnectionString = configuration.GetConnectionString("SmbAgentOwner");
        });

        services.AddSingleton(_ =>
        {
            var dataSource = new NpgsqlDataSourceBuilder(connectionString);
            dataSource.UseVector();
            return dataSource.Build();
        });

        // The DbContext's own pool keeps each session's tenant between uses (see TenantSessionInterceptor); anything
        // else gets the data source above, whose sessions are reset on close and so name no tenant.
        services.AddKeyedSingleton(nameof(SmbAgentDbContext), (_, _) =>
        {
            var dataSource = TenantSessionInterceptor.ConfigureDataSource(new NpgsqlDataSourceBuilder(connectionString));
            dataSource.UseVector();
            return dataSource.Build();
        });
        services.AddSingleton<TenantSaveChangesInterceptor>();
        services.AddSingleton<TenantSessionInterceptor>();
        services.AddSingleton<WebhookDispatchInterceptor>();
        services.AddDbContext<SmbAgentDbContext>((sp, options) => options
            .UseSmbAgentNpgsql(sp.GetRequiredKeyedService<NpgsqlDataSource>(nameof(SmbAgentDbContext)))
            .AddInterceptors(
                sp.GetRequiredService<TenantSaveChangesInterceptor>(),
                sp.GetRequiredService<TenantSessionInterceptor>(),
                sp.GetRequiredService<WebhookDispatchInterceptor>()));
        services.AddScoped<ISmbAgentDbContext>(sp => sp.GetRequiredService<SmbAgentDbContext>());

        services.AddScoped<IUserStore<AppUser>, UserStore<AppUser, AppRole, SmbAgentDbContext, Guid>>();
        services.AddScoped<IRoleStore<AppRole>, RoleStore<AppRole, SmbAgentDbContext, Guid>>();
        services.AddScoped<IUsageCounterStore, UsageCounterStore>();
        services.AddScoped<KnowledgeBase.Ingestion.IKnowledgeIndexWriter, KnowledgeBase.KnowledgeIndexWriter>();
        services.Configure<KnowledgeBase.Search.KnowledgeSearchOptions>(configuration.GetSection(KnowledgeBase.KnowledgeBaseOptions.SectionName));
        services.AddScoped<KnowledgeBase.Search.IKnowledgeSearch, KnowledgeBase.HybridKnowledgeSearch>();
        services.AddBackgroundJob<KnowledgeBase.VectorIndexes.TenantVectorIndexJob, KnowledgeBase.VectorIndexes.MaintainTenantVectorIndexesArgs>();
        services.AddScoped<DbMigrationService>();
        services.AddScoped<Privacy.ITenantDataPurger, Privacy.TenantDataPurger>();

        // Both hosts read each other's cookies and tokens: one key ring, in the database.
        services.AddDataProtection().SetApplicationName("SmbAgent").PersistKeysToDbContext<SmbAgentDbContext>();

        // The job store, its clients and the job activator are registered in DI rather than taken from
        // Hangfire's process-wide statics (JobStorage.Current, JobActivator.Current), which the last host
        // to start overwrites: with several hosts in one process (tests), jobs ran in another host's container.
        var jobStorageOptions = new PostgreSqlStorageOptions
        {
            SchemaName = DatabaseOptions.JobSchema,
            PrepareSchemaIfNecessary = false,
            QueuePollInterval = TimeSpan.FromSeconds(configuration.GetValue("Jobs:PollIntervalSeconds", 5.0)),
        };
        services.AddSingleton<JobStorage>(_ => new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, jobStorageOptions), jobStorageOptions));
        services.AddSingleton<IBackgroundJobClient>(sp => new BackgroundJobClient(sp.GetRequiredService<JobStorage>()));
        services.AddSingleton<IRecurringJobManager>(sp => new RecurringJobManager(sp.GetRequiredService<JobStorage>()));
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((sp, hangfire) => hangfire
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HostLogProvider(sp.GetRequiredService<ILoggerFactory>())));

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", HealthStatus.Unhealthy, ["ready"]);
        return services;
    }
}
