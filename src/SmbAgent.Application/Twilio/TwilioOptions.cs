namespace SmbAgent.Twilio;

/// <summary>
/// Bound from <c>Twilio</c>: the platform's own account, which sends the SMS alerts and places the owner calls.
/// Without an <see cref="AccountSid"/> SMS and calls are off; with one, <see cref="AuthToken"/> and a sender
/// (<see cref="FromNumber"/> or <see cref="MessagingServiceSid"/>) are required and checked at start.
/// </summary>
public sealed class TwilioOptions
{
    public const string SectionName = "Twilio";

    /// <summary><c>AC</c> followed by 32 hex digits; it is part of the request path, so nothing else is accepted.</summary>
    public string? AccountSid { get; set; }

    /// <summary>The password of Basic auth. A secret: never logged, never in an exception message.</summary>
    public string? AuthToken { get; set; }

    /// <summary>A Twilio number in E.164 (or an alphanumeric sender ID where the destination allows one).</summary>
    public string? FromNumber { get; set; }

    /// <summary>
    /// <c>MG</c> followed by 32 hex digits. Wins over <see cref="FromNumber"/> when both are set: the service picks
    /// the sender from its pool and applies the account's compliance settings.
    /// </summary>
    public string? MessagingServiceSid { get; set; }

    /// <summary>Scheme, host and port only; tests point it at a local stub.</summary>
    public Uri BaseUrl { get; set; } = new("https://api.twilio.com");

    /// <summary>Per HTTP attempt. A timeout is never retried here: the message may already have been accepted.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>For one request (an SMS, a call, a look-up), retries and their waits included.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries inside one call, only for answers that prove nothing was sent (see <c>TwilioRetryPolicy</c>); 0 turns them off.</summary>
    public int MaxRetryAttempts { get; set; } = 2;

    /// <summary>First backoff delay; it doubles on each retry, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest <c>Retry-After</c> waited for inside one call. A longer one ends the call with a transient
    /// failure carrying the wait, so the background job is rescheduled instead of holding a worker.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// SMS and calls are written to the development outbox instead of reaching Twilio. The account settings still
    /// name the (development) platform account: the owner alert's webhooks are signed with its token, by the call
    /// simulator.
    /// </summary>
    public bool DevelopmentOutbox { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(AccountSid);
}
