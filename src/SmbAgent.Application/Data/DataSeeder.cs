using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SmbAgent.Tenancy;

namespace SmbAgent.Data;

/// <summary>Runs every <see cref="IDataSeedContributor"/> in registration order, each in its own scope, inside the context's tenant.</summary>
public sealed partial class DataSeeder(IServiceScopeFactory scopeFactory, ICurrentTenant currentTenant, ILogger<DataSeeder> logger) : IDataSeeder
{
    public async Task SeedAsync(DataSeedContext context, CancellationToken cancellationToken = default)
    {
        using var tenantScope = currentTenant.Change(context.TenantId);
        await using var scope = scopeFactory.CreateAsyncScope();
        foreach (var contributor in scope.ServiceProvider.GetServices<IDataSeedContributor>())
        {
            LogSeeding(contributor.GetType().Name, context.TenantId);
            await contributor.SeedAsync(context, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Seeding {Contributor} for tenant {TenantId}")]
    private partial void LogSeeding(string contributor, Guid? tenantId);
}
