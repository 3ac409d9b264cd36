namespace SmbAgent.Notifications.Sms;

/// <summary>Registered when no Twilio account is configured: says so instead of failing somewhere inside HTTP.</summary>
public sealed class DisabledSmsSender : ISmsSender
{
    public const string NotConfiguredMessage =
        "SMS is not configured: set Twilio:AccountSid, Twilio:AuthToken and Twilio:FromNumber or Twilio:MessagingServiceSid.";

    public bool IsConfigured => false;

    public Task<SmsSendResult> SendAsync(string toE164, string body, CancellationToken cancellationToken = default) =>
        Task.FromException<SmsSendResult>(new SmsPermanentFailureException(NotConfiguredMessage));
}
