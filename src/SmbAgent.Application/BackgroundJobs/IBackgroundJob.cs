namespace SmbAgent.BackgroundJobs;

/// <summary>A background job with plain, serializable arguments (ABP's <c>IAsyncBackgroundJob&lt;TArgs&gt;</c>). Must be idempotent: delivery is at least once.</summary>
public interface IBackgroundJob<in TArgs>
{
    Task ExecuteAsync(TArgs args, CancellationToken cancellationToken);
}
