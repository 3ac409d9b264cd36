using System.Globalization;
using System.Text.RegularExpressions;
using Polly.Timeout;
using Twilio.Exceptions;

namespace SmbAgent.Twilio;

public enum TwilioFailureKind
{
    /// <summary>Twilio answered 4xx (not 429): the same request would be refused again.</summary>
    Refused,

    /// <summary>Twilio answered 429 or 5xx: try again later.</summary>
    NotNow,

    /// <summary>No answer within the time limits: the request may have been taken.</summary>
    NoAnswer,

    /// <summary>The connection failed, before the request went out or after.</summary>
    Unreachable,
}

/// <summary>
/// Why a request through the SDK failed, classified once for SMS, calls and look-ups. <see cref="Reason"/> is
/// Twilio's own text with anything shaped like a phone number blanked, since exception messages end up in job
/// storage and logs.
/// </summary>
public sealed partial record TwilioRequestFailure(
    TwilioFailureKind Kind,
    bool MayHaveBeenSent,
    int? HttpStatusCode = null,
    int? ErrorCode = null,
    Uri? MoreInfo = null,
    string? Reason = null,
    TimeSpan? RetryAfter = null,
    Exception? ConnectionError = null)
{
    private const string RedactedNumber = "[number]";

    public bool IsTransient => Kind != TwilioFailureKind.Refused;

    public string CodeText => ErrorCode?.ToString(CultureInfo.InvariantCulture) ?? "none";

    /// <summary>The connection failure's name for logs (e.g. <c>ConnectionError</c>, <c>ConnectTimeout</c>).</summary>
    public string ConnectionErrorKind => ConnectionError switch
    {
        HttpRequestException http => http.HttpRequestError.ToString(),
        OperationCanceledException { InnerException: TimeoutException } => "ConnectTimeout",
        { } other => other.GetType().Name,
        null => "none",
    };

    /// <summary>
    /// The failure behind <paramref name="exception"/>, or null when it is not one of Twilio's (a bug, or the caller's
    /// cancellation). <paramref name="to"/> is the number sent, blanked from Twilio's text wherever it appears.
    /// </summary>
    internal static TwilioRequestFailure? Classify(Exception exception, TwilioExchange exchange, string? to)
    {
        if (exchange.CallerCancellation.IsCancellationRequested)
        {
            return null;
        }

        return exception switch
        {
            ApiConnectionException { InnerException: TimeoutRejectedException timeout } =>
                new TwilioRequestFailure(TwilioFailureKind.NoAnswer, MayHaveBeenSent: true, ConnectionError: timeout),
            ApiConnectionException { InnerException: { } inner } when inner is HttpRequestException or OperationCanceledException =>
                new TwilioRequestFailure(TwilioFailureKind.Unreachable, !TwilioRetryPolicy.NothingWasSent(inner), ConnectionError: inner),
            ApiException api when exchange.Status is { } status => Answered((int)status, api.Code, api.MoreInfo, api.Message, exchange, to),
            TwilioException when exchange.Status is { } status => Answered((int)status, 0, null, null, exchange, to),
            _ => null,
        };
    }

    private static TwilioRequestFailure Answered(int status, int twilioCode, string? twilioMoreInfo, string? twilioMessage, TwilioExchange exchange, string? to)
    {
        // Code 0 is the SDK's own message for a body it could not parse (a proxy's HTML page): the status decides alone.
        var fromTwilio = twilioCode != 0;
        var code = fromTwilio ? twilioCode : (int?)null;
        var moreInfo = fromTwilio && Uri.TryCreate(twilioMoreInfo, UriKind.Absolute, out var link) ? link : null;
        var reason = fromTwilio && twilioMessage is { Length: > 0 } message ? Redact(message, to) : exchange.ReasonPhrase;
        if (status is 429 or >= 500)
        {
            return new TwilioRequestFailure(
                TwilioFailureKind.NotNow,
                MayHaveBeenSent: !TwilioRetryPolicy.NotProcessed((System.Net.HttpStatusCode)status),
                status,
                code,
                moreInfo,
                reason,
                exchange.RetryAfter);
        }

        return new TwilioRequestFailure(TwilioFailureKind.Refused, MayHaveBeenSent: false, status, code, moreInfo, reason);
    }

    private static string Redact(string message, string? to) =>
        PhoneNumberLike().Replace(string.IsNullOrEmpty(to) ? message : message.Replace(to, RedactedNumber, StringComparison.Ordinal), RedactedNumber);

    // A '+' and digits, or seven digits or more with the usual separators: numbers, not "1600 characters".
    [GeneratedRegex(@"\+\d[\d ().-]*\d|\d(?:[ ().-]*\d){6,}")]
    private static partial Regex PhoneNumberLike();
}
