namespace SmbAgent.Notifications.Sms;

/// <summary>
/// Refused for good (invalid number, wrong credentials, SMS not configured…): retrying sends nothing, so the job
/// records the failure on the delivery for the owner and stops.
/// </summary>
public sealed class SmsPermanentFailureException(
    string message, int? httpStatusCode = null, int? errorCode = null, Uri? moreInfo = null, Exception? innerException = null)
    : SmsDeliveryException(message, httpStatusCode, errorCode, moreInfo, innerException);
