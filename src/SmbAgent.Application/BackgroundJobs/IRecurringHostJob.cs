namespace SmbAgent.BackgroundJobs;

/// <summary>A job the API host's job server runs on a schedule, for every business at once (not one tenant's).</summary>
public interface IRecurringHostJob
{
    string RecurringJobId { get; }

    /// <summary>Adds the job, or updates it when its schedule changed since the last start.</summary>
    void Register();
}
