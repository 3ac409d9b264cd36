using Microsoft.Extensions.Options;
using SmbAgent.Notifications.Sms;
using SmbAgent.Tenancy;
using SmbAgent.Voice;

namespace SmbAgent.Twilio.DevelopmentOutbox;

/// <summary>With <see cref="TwilioOptions.DevelopmentOutbox"/>: an SMS becomes a row of the outbox, shortened as Twilio would get it.</summary>
public sealed class DevelopmentOutboxSmsSender(DevelopmentOutboxWriter outbox, ICurrentTenant currentTenant, IOptions<TwilioOptions> options) : ISmsSender
{
    public bool IsConfigured => true;

    public async Task<SmsSendResult> SendAsync(string toE164, string body, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(toE164);
        ArgumentException.ThrowIfNullOrWhiteSpace(body);
        var settings = options.Value;
        var (text, truncated) = SmsText.Fit(body, SmsLimits.MaxBodyLength);
        var from = string.IsNullOrWhiteSpace(settings.MessagingServiceSid) ? settings.FromNumber! : settings.MessagingServiceSid;
        var message = await outbox.WriteAsync(DevelopmentOutboxKind.Sms, currentTenant.Id, toE164, from, text, null, cancellationToken);
        return new SmsSendResult(message.Sid, "queued", truncated);
    }
}
