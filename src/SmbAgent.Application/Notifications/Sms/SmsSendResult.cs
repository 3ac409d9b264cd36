namespace SmbAgent.Notifications.Sms;

/// <summary>
/// The provider's receipt. <paramref name="MessageSid"/> (Twilio's <c>SM…</c>) identifies the message for support and
/// status look-ups; it is null only when Twilio answered 2xx but the answer could not be read, which still means
/// accepted (sending again would duplicate it). <paramref name="Status"/> is the provider's word at acceptance:
/// <c>queued</c>, or <c>accepted</c> through a messaging service. <paramref name="BodyTruncated"/> tells the caller
/// the text was shortened to <see cref="SmsLimits.MaxBodyLength"/>.
/// </summary>
public sealed record SmsSendResult(string? MessageSid, string Status, bool BodyTruncated);
