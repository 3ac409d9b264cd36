using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Tenancy;

namespace SmbAgent.BackgroundJobs;

/// <summary>
/// The one Hangfire entry point: enters the job's tenant, then runs the job registered for the
/// arguments type from the job's DI scope. Keep this signature stable: queued jobs are serialized
/// calls to it.
/// </summary>
public sealed class TenantJobRunner(IServiceProvider services, ICurrentTenant currentTenant)
{
    public async Task RunAsync<TArgs>(Guid? tenantId, TArgs args, CancellationToken cancellationToken)
    {
        using (currentTenant.Change(tenantId))
        {
            await services.GetRequiredService<IBackgroundJob<TArgs>>().ExecuteAsync(args, cancellationToken);
        }
    }
}
