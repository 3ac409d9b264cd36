namespace SmbAgent.Webhooks;

public sealed class WebhookOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>Attempts per round (the first and its retries); a replay starts a new round.</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>The wait before the first retry; each later one waits twice as long as the one before.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one attempt may take, connection included.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Development and tests only: lets targets be 127.0.0.1/::1. Private and link-local addresses stay refused.</summary>
    public bool AllowLoopbackTargets { get; set; }

    /// <summary>Development and tests only: lets targets be plain http://. Everywhere else a payload goes out over TLS only.</summary>
    public bool AllowHttpTargets { get; set; }
}
