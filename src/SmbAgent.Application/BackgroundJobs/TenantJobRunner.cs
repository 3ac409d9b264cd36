using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Tenancy;

namespace SmbAgent.BackgroundJobs;

/// <summary>
/// The one Hangfire entry point: enters the job's tenant, then runs the job from the job's DI scope.
/// Keep this signature stable: queued jobs are serialized calls to it.
/// </summary>
public sealed class TenantJobRunner(IServiceProvider services, ICurrentTenant currentTenant)
{
    public async Task RunAsync<TJob, TArgs>(Guid? tenantId, TArgs args, CancellationToken cancellationToken)
        where TJob : IBackgroundJob<TArgs>
    {
        using (currentTenant.Change(tenantId))
        {
            var job = ActivatorUtilities.GetServiceOrCreateInstance<TJob>(services);
            await job.ExecuteAsync(args, cancellationToken);
        }
    }
}
