using Hangfire;
using Microsoft.Extensions.Options;
using SmbAgent.BackgroundJobs;

namespace SmbAgent.Privacy;

/// <summary>Registers the nightly retention as a recurring host job.</summary>
public sealed class RetentionSchedule(IRecurringJobManager recurringJobs, IOptions<PrivacyOptions> options) : IRecurringHostJob
{
    public const string RecurringJobId = "retention";

    string IRecurringHostJob.RecurringJobId => RecurringJobId;

    public void Register() =>
        recurringJobs.AddOrUpdate<TenantJobRunner>(
            RecurringJobId,
            runner => runner.RunAsync(null, new ApplyRetentionArgs(), CancellationToken.None),
            options.Value.RetentionSchedule);
}
