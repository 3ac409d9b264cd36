namespace SmbAgent.Analytics;

public sealed class AnalyticsOptions
{
    public const string SectionName = "Analytics";

    /// <summary>When the recurring roll-up of today and yesterday runs (cron).</summary>
    public string RollupSchedule { get; set; } = "*/15 * * * *";

    /// <summary>
    /// The cosine similarity from which two unanswered questions are one group. The local model scores paraphrases
    /// around 0.6 and unrelated text near 0; OpenAI's small model scores both higher, so production may raise it.
    /// </summary>
    public double GroupSimilarity { get; set; } = 0.5;
}
