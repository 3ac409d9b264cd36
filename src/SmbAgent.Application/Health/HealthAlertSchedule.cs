using Hangfire;
using Microsoft.Extensions.Options;
using SmbAgent.BackgroundJobs;

namespace SmbAgent.Health;

/// <summary>Registers the alert evaluation as a recurring host job (<see cref="HealthOptions.AlertSchedule"/>).</summary>
public sealed class HealthAlertSchedule(IRecurringJobManager recurringJobs, IOptions<HealthOptions> options) : IRecurringHostJob
{
    public const string RecurringJobId = "health-alerts";

    string IRecurringHostJob.RecurringJobId => RecurringJobId;

    public void Register() =>
        recurringJobs.AddOrUpdate<TenantJobRunner>(
            RecurringJobId,
            runner => runner.RunAsync(null, new EvaluateHealthAlertsArgs(), CancellationToken.None),
            options.Value.AlertSchedule);
}
