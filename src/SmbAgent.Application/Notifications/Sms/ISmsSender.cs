namespace SmbAgent.Notifications.Sms;

/// <summary>
/// Sends one SMS. Meant to be called from a background job: a <see cref="SmsTransientFailureException"/> asks the job
/// to retry later, a <see cref="SmsPermanentFailureException"/> asks it to record the failure and stop.
/// </summary>
public interface ISmsSender
{
    /// <summary>
    /// False when no Twilio account is configured. The caller checks it before queuing an alert and records the
    /// alert as skipped; <see cref="SendAsync"/> would throw a <see cref="SmsPermanentFailureException"/>.
    /// </summary>
    bool IsConfigured { get; }

    /// <summary>
    /// Hands the message to the provider and returns once it is accepted (not yet delivered to the handset).
    /// A body longer than <see cref="SmsLimits.MaxBodyLength"/> is shortened, never refused.
    /// </summary>
    /// <param name="toE164">The recipient, normalised to E.164 by the caller (the provider judges its validity).</param>
    /// <param name="body">Plain text; personal data, so it never reaches a log.</param>
    /// <exception cref="SmsPermanentFailureException">Refused; sending the same request again would be refused again.</exception>
    /// <exception cref="SmsTransientFailureException">Not accepted now (outage, rate limit, no answer); retry later.</exception>
    Task<SmsSendResult> SendAsync(string toE164, string body, CancellationToken cancellationToken = default);
}
