namespace SmbAgent.Notifications.Sms;

/// <summary>
/// Not accepted now (outage, rate limit, no answer in time): the job retries later, so a provider outage delays
/// the alert and loses nothing.
/// </summary>
public sealed class SmsTransientFailureException(
    string message,
    bool mayHaveBeenSent,
    TimeSpan? retryAfter = null,
    int? httpStatusCode = null,
    int? errorCode = null,
    Uri? moreInfo = null,
    Exception? innerException = null)
    : SmsDeliveryException(message, httpStatusCode, errorCode, moreInfo, innerException)
{
    /// <summary>
    /// True when the request reached the provider and its fate is unknown (no answer in time, connection lost
    /// mid-answer, a 500/502/504). Twilio's Messages API has no idempotency key, so a retry may send the SMS twice;
    /// for an owner alert a duplicate beats a lost lead, but the delivery record can say so.
    /// </summary>
    public bool MayHaveBeenSent { get; } = mayHaveBeenSent;

    /// <summary>The provider's <c>Retry-After</c>, when it asked for a wait longer than one call waits.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
