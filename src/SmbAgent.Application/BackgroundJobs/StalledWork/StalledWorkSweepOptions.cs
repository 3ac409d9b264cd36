namespace SmbAgent.BackgroundJobs.StalledWork;

/// <summary>
/// How the sweep finds work whose job was never queued (bound from <c>BackgroundJobs</c>): a crash or a job store
/// outage between a save and its enqueue leaves a delivery or a knowledge source Pending with nothing behind it.
/// </summary>
public sealed class StalledWorkSweepOptions
{
    public const string SectionName = "BackgroundJobs";

    /// <summary>
    /// How long work may wait after it was queued before the sweep queues it again: well beyond how long a busy job
    /// server takes to pick a job up, so work in flight is not run twice.
    /// </summary>
    public TimeSpan SweepAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Cron expression of the sweep (UTC).</summary>
    public string SweepSchedule { get; set; } = "* * * * *";
}
