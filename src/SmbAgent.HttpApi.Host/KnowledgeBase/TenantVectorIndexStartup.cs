using SmbAgent.KnowledgeBase.VectorIndexes;

namespace SmbAgent.HttpApi.KnowledgeBase;

/// <summary>Registers (or updates, if the schedule changed) the recurring job keeping big businesses' vector indexes.</summary>
public sealed partial class TenantVectorIndexStartup(TenantVectorIndexSchedule schedule, ILogger<TenantVectorIndexStartup> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            schedule.Register();
        }
        catch (Exception e)
        {
            // Search works without the per-business indexes (the shared one serves); the next start tries again.
            LogFailed(logger, e);
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Registering the vector index maintenance job failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
