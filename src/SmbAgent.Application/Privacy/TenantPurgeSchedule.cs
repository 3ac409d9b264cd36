using Hangfire;
using Microsoft.Extensions.Options;
using SmbAgent.BackgroundJobs;

namespace SmbAgent.Privacy;

/// <summary>Registers the purge of businesses whose deletion is due as a recurring host job.</summary>
public sealed class TenantPurgeSchedule(IRecurringJobManager recurringJobs, IOptions<PrivacyOptions> options) : IRecurringHostJob
{
    public const string RecurringJobId = "tenant-purge";

    string IRecurringHostJob.RecurringJobId => RecurringJobId;

    public void Register() =>
        recurringJobs.AddOrUpdate<TenantJobRunner>(
            RecurringJobId,
            runner => runner.RunAsync(null, new PurgeDeletedTenantsArgs(), CancellationToken.None),
            options.Value.TenantPurgeSchedule);
}
