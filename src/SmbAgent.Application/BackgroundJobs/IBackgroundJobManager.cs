namespace SmbAgent.BackgroundJobs;

public interface IBackgroundJobManager
{
    /// <summary>Queues the job for the current tenant; it will run inside that tenant's scope. Returns the job id.</summary>
    string Enqueue<TJob, TArgs>(TArgs args, TimeSpan? delay = null)
        where TJob : IBackgroundJob<TArgs>;
}
