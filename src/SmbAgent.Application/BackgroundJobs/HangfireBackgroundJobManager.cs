using Hangfire;
using SmbAgent.Tenancy;

namespace SmbAgent.BackgroundJobs;

/// <summary>Every job carries the tenant it was queued for as its first argument.</summary>
public sealed class HangfireBackgroundJobManager(IBackgroundJobClient client, ICurrentTenant currentTenant) : IBackgroundJobManager
{
    public string Enqueue<TArgs>(TArgs args, TimeSpan? delay = null)
    {
        var tenantId = currentTenant.Id;
        return delay is { } wait
            ? client.Schedule<TenantJobRunner>(runner => runner.RunAsync(tenantId, args, CancellationToken.None), wait)
            : client.Enqueue<TenantJobRunner>(runner => runner.RunAsync(tenantId, args, CancellationToken.None));
    }
}
