using SmbAgent.KnowledgeBase.Reembedding;

namespace SmbAgent.HttpApi.KnowledgeBase;

/// <summary>
/// Queues re-embedding when the job server starts: the embedding provider only changes with the configuration,
/// so a start is when vectors of another model can appear stale.
/// </summary>
public sealed partial class KnowledgeReembeddingStartup(IServiceScopeFactory scopes, ILogger<KnowledgeReembeddingStartup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<KnowledgeReembeddingScheduler>().ScheduleAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Search keeps working on the old vectors; the next start tries again.
            LogFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Queuing knowledge re-embedding failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
