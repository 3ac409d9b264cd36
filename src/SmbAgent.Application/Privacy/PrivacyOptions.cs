namespace SmbAgent.Privacy;

/// <summary>The data-protection jobs' schedules and the grace period of a business's deletion (bound from <c>Privacy</c>).</summary>
public sealed class PrivacyOptions
{
    public const string SectionName = "Privacy";

    /// <summary>How long a business scheduled for deletion can still be restored before its data is purged.</summary>
    public TimeSpan TenantDeletionGracePeriod { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Cron expression (UTC) of the nightly retention job.</summary>
    public string RetentionSchedule { get; set; } = "30 3 * * *";

    /// <summary>Cron expression (UTC) of the job that purges businesses whose grace period is over.</summary>
    public string TenantPurgeSchedule { get; set; } = "0 4 * * *";

    /// <summary>Rows per delete statement: a busy business's year is removed in short statements, never in one long lock.</summary>
    public int DeleteBatchSize { get; set; } = 1000;
}
