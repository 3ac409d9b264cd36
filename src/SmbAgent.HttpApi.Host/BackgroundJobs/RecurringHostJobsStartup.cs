using SmbAgent.BackgroundJobs;

namespace SmbAgent.HttpApi.BackgroundJobs;

/// <summary>Registers every recurring host job with the job server (or updates its schedule) when the host starts.</summary>
public sealed partial class RecurringHostJobsStartup(IEnumerable<IRecurringHostJob> jobs, ILogger<RecurringHostJobsStartup> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var job in jobs)
        {
            try
            {
                job.Register();
            }
            catch (Exception e)
            {
                // Each is upkeep the product works without for a while (the shared vector index serves search; work
                // queued normally still runs): the host starts anyway and the next start registers it again.
                LogFailed(logger, job.RecurringJobId, e);
            }
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Registering the recurring job {RecurringJobId} failed")]
    private static partial void LogFailed(ILogger logger, string recurringJobId, Exception exception);
}
