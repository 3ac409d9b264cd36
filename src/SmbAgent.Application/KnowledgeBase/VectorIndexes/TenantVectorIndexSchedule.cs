using Hangfire;
using Microsoft.Extensions.Options;
using SmbAgent.BackgroundJobs;

namespace SmbAgent.KnowledgeBase.VectorIndexes;

/// <summary>Registers the maintenance of per-business vector indexes as a recurring host job.</summary>
public sealed class TenantVectorIndexSchedule(IRecurringJobManager recurringJobs, IOptions<TenantVectorIndexOptions> options) : IRecurringHostJob
{
    public const string RecurringJobId = "knowledge-tenant-vector-indexes";

    string IRecurringHostJob.RecurringJobId => RecurringJobId;

    public void Register() =>
        recurringJobs.AddOrUpdate<TenantJobRunner>(
            RecurringJobId,
            runner => runner.RunAsync(null, new MaintainTenantVectorIndexesArgs(), CancellationToken.None),
            options.Value.Schedule);
}
