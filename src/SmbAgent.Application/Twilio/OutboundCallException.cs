namespace SmbAgent.Twilio;

/// <summary>
/// A call was not placed. As for SMS, the message never holds the number called, the TwiML or a credential; Twilio's
/// own text is kept with numbers blanked.
/// </summary>
public abstract class OutboundCallException(string message, int? httpStatusCode, int? errorCode, Uri? moreInfo, Exception? innerException)
    : Exception(message, innerException)
{
    public int? HttpStatusCode { get; } = httpStatusCode;

    /// <summary>Twilio's error code (e.g. 21215 for a number the account may not call), when it gave one.</summary>
    public int? ErrorCode { get; } = errorCode;

    public Uri? MoreInfo { get; } = moreInfo;
}

/// <summary>Refused for good (invalid number, wrong credentials, calls not configured): the ladder moves to the next contact.</summary>
public sealed class OutboundCallPermanentFailureException(
    string message, int? httpStatusCode = null, int? errorCode = null, Uri? moreInfo = null, Exception? innerException = null)
    : OutboundCallException(message, httpStatusCode, errorCode, moreInfo, innerException);

/// <summary>Not placed now (outage, rate limit, no answer in time): try again later.</summary>
public sealed class OutboundCallTransientFailureException(
    string message,
    bool mayHaveBeenPlaced,
    TimeSpan? retryAfter = null,
    int? httpStatusCode = null,
    int? errorCode = null,
    Uri? moreInfo = null,
    Exception? innerException = null)
    : OutboundCallException(message, httpStatusCode, errorCode, moreInfo, innerException)
{
    /// <summary>The request reached Twilio and its fate is unknown: a retry may ring the owner twice.</summary>
    public bool MayHaveBeenPlaced { get; } = mayHaveBeenPlaced;

    public TimeSpan? RetryAfter { get; } = retryAfter;
}
