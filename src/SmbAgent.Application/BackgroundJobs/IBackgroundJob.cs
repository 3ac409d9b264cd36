namespace SmbAgent.BackgroundJobs;

/// <summary>
/// A background job with plain, serializable arguments (ABP's <c>IAsyncBackgroundJob&lt;TArgs&gt;</c>).
/// The arguments type names the job: register one job per arguments type with
/// <see cref="BackgroundJobServiceCollectionExtensions.AddBackgroundJob{TJob, TArgs}"/>.
/// Must be idempotent: delivery is at least once.
/// </summary>
public interface IBackgroundJob<in TArgs>
{
    Task ExecuteAsync(TArgs args, CancellationToken cancellationToken);
}
