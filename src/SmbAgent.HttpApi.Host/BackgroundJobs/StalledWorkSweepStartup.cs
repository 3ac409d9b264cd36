using SmbAgent.BackgroundJobs.StalledWork;

namespace SmbAgent.HttpApi.BackgroundJobs;

/// <summary>Registers (or updates, if the schedule changed) the recurring sweep of work left Pending with no job.</summary>
public sealed partial class StalledWorkSweepStartup(StalledWorkSweepSchedule schedule, ILogger<StalledWorkSweepStartup> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            schedule.Register();
        }
        catch (Exception e)
        {
            // Work queued normally still runs; only a lost enqueue waits for the next start to be swept.
            LogFailed(logger, e);
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Registering the stalled-work sweep failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
