using Hangfire;
using Microsoft.Extensions.Options;

namespace SmbAgent.BackgroundJobs.StalledWork;

/// <summary>Registers the stalled-work sweep as a recurring host job.</summary>
public sealed class StalledWorkSweepSchedule(IRecurringJobManager recurringJobs, IOptions<StalledWorkSweepOptions> options) : IRecurringHostJob
{
    public const string RecurringJobId = "stalled-work-sweep";

    string IRecurringHostJob.RecurringJobId => RecurringJobId;

    public void Register() =>
        recurringJobs.AddOrUpdate<TenantJobRunner>(
            RecurringJobId,
            runner => runner.RunAsync(null, new SweepStalledWorkArgs(), CancellationToken.None),
            options.Value.SweepSchedule);
}
