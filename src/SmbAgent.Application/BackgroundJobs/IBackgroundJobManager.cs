namespace SmbAgent.BackgroundJobs;

public interface IBackgroundJobManager
{
    /// <summary>Queues the job registered for <typeparamref name="TArgs"/> for the current tenant; it runs inside that tenant's scope. Returns the job id.</summary>
    string Enqueue<TArgs>(TArgs args, TimeSpan? delay = null);
}
