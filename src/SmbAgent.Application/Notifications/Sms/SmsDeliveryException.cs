namespace SmbAgent.Notifications.Sms;

/// <summary>
/// An SMS was not accepted. The message never contains the recipient's number, the text or a credential, since
/// background job storage and logs keep exception messages; the provider's own text is kept with numbers blanked.
/// </summary>
public abstract class SmsDeliveryException(string message, int? httpStatusCode, int? errorCode, Uri? moreInfo, Exception? innerException)
    : Exception(message, innerException)
{
    /// <summary>The provider's HTTP status, when it answered.</summary>
    public int? HttpStatusCode { get; } = httpStatusCode;

    /// <summary>The provider's error code (Twilio's <c>code</c>, e.g. 21211 for an invalid 'To' number), when it gave one.</summary>
    public int? ErrorCode { get; } = errorCode;

    /// <summary>The provider's page about <see cref="ErrorCode"/>.</summary>
    public Uri? MoreInfo { get; } = moreInfo;
}
