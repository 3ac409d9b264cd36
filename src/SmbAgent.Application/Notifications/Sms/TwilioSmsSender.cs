using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace SmbAgent.Notifications.Sms;

/// <summary>
/// Twilio's Messages REST API without its SDK: <c>POST {BaseUrl}/2010-04-01/Accounts/{AccountSid}/Messages.json</c>,
/// a form with <c>To</c>, <c>From</c> or <c>MessagingServiceSid</c>, and <c>Body</c>, Basic auth with the account
/// SID and auth token. A typed client: retries and timeouts come from the resilience handler registered with it
/// (<see cref="TwilioRetryPolicy"/>). Logs carry the message SID and status, never the number, the text or the token.
/// </summary>
public sealed partial class TwilioSmsSender(HttpClient httpClient, IOptions<TwilioOptions> options, ILogger<TwilioSmsSender> logger) : ISmsSender
{
    private const string RedactedNumber = "[number]";

    public bool IsConfigured => true;

    public async Task<SmsSendResult> SendAsync(string toE164, string body, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(toE164);
        ArgumentException.ThrowIfNullOrWhiteSpace(body);
        var settings = options.Value;
        var (text, truncated) = SmsText.Fit(body, SmsLimits.MaxBodyLength);
        using var request = new HttpRequestMessage(HttpMethod.Post, MessagesUri(settings)) { Content = new FormUrlEncodedContent(Form(settings, toE164, text)) };
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.AccountSid}:{settings.AuthToken}")));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        HttpResponseMessage response;
        try
        {
            // Headers only: HttpClient would buffer the body outside the resilience pipeline's time limits.
            response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (TimeoutRejectedException e)
        {
            LogNoAnswer(logger);
            throw new SmsTransientFailureException(
                "Twilio did not answer in time; the SMS may have been sent.", mayHaveBeenSent: true, innerException: e);
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var mayHaveBeenSent = !TwilioRetryPolicy.NothingWasSent(e);
            LogUnreachable(logger, FailureKind(e), mayHaveBeenSent);
            throw new SmsTransientFailureException(
                mayHaveBeenSent ? "The connection to Twilio failed after the request was sent; the SMS may have been sent." : "Twilio could not be reached.",
                mayHaveBeenSent,
                innerException: e);
        }

        using (response)
        {
            var answer = await ReadAnswerAsync(response, settings.AttemptTimeout, cancellationToken);
            return response.IsSuccessStatusCode
                ? Accepted(response.StatusCode, answer, truncated)
                : throw Refused(response, answer, toE164);
        }
    }

    private static Uri MessagesUri(TwilioOptions settings) =>
        new(settings.BaseUrl, $"/2010-04-01/Accounts/{settings.AccountSid}/Messages.json");

    private static Dictionary<string, string> Form(TwilioOptions settings, string to, string body)
    {
        var form = new Dictionary<string, string>(StringComparer.Ordinal) { ["To"] = to };
        if (!string.IsNullOrWhiteSpace(settings.MessagingServiceSid))
        {
            form["MessagingServiceSid"] = settings.MessagingServiceSid;
        }
        else
        {
            form["From"] = settings.FromNumber!;
        }

        form["Body"] = body;
        return form;
    }

    /// <summary>The answer's text, or null when it can't be read in time (or the connection drops mid-answer): the status then decides alone.</summary>
    private static async Task<string?> ReadAnswerAsync(HttpResponseMessage response, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            return await response.Content.ReadAsStringAsync(limit.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private SmsSendResult Accepted(HttpStatusCode status, string? answer, bool truncated)
    {
        // A 2xx means Twilio took the message: an unreadable answer must not make the job send it again.
        var message = Parse<TwilioMessageResource>(answer);
        if (message?.Sid is not { Length: > 0 } sid)
        {
            LogUnreadableAcceptance(logger, (int)status);
            return new SmsSendResult(null, "accepted", truncated);
        }

        var state = message.Status ?? "queued";
        LogAccepted(logger, sid, state);
        return new SmsSendResult(sid, state, truncated);
    }

    private SmsDeliveryException Refused(HttpResponseMessage response, string? answer, string to)
    {
        var status = (int)response.StatusCode;
        var error = Parse<TwilioError>(answer);
        var code = error?.Code;
        var moreInfo = Uri.TryCreate(error?.MoreInfo, UriKind.Absolute, out var link) ? link : null;
        var reason = error?.Message is { Length: > 0 } twilioMessage ? Redact(twilioMessage, to) : response.ReasonPhrase;

        if (status is 429 or >= 500)
        {
            var mayHaveBeenSent = !TwilioRetryPolicy.NotProcessed(response.StatusCode);
            var retryAfter = TwilioRetryPolicy.RetryAfter(response);
            LogNotNow(logger, status, code, mayHaveBeenSent);
            return new SmsTransientFailureException(
                $"Twilio could not take the SMS now (HTTP {status}, error {CodeText(code)}): {reason}",
                mayHaveBeenSent,
                retryAfter,
                status,
                code,
                moreInfo);
        }

        LogRefused(logger, status, code);
        return new SmsPermanentFailureException(
            $"Twilio refused the SMS (HTTP {status}, error {CodeText(code)}): {reason}",
            status,
            code,
            moreInfo);
    }

    private static string FailureKind(Exception exception) => exception switch
    {
        HttpRequestException http => http.HttpRequestError.ToString(),
        OperationCanceledException { InnerException: TimeoutException } => "ConnectTimeout",
        _ => exception.GetType().Name,
    };

    private static string CodeText(int? code) => code?.ToString(CultureInfo.InvariantCulture) ?? "none";

    private static T? Parse<T>(string? json)
        where T : class
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(json);
        }
        catch (JsonException)
        {
            // A proxy's HTML error page in front of Twilio: the HTTP status alone decides.
            return null;
        }
    }

    /// <summary>
    /// Twilio quotes the numbers it refuses ("The 'To' number +1555 is not a valid phone number."), and exception
    /// messages end up in job storage and logs: the number sent, and anything shaped like a phone number, is blanked.
    /// </summary>
    private static string Redact(string message, string to) =>
        PhoneNumberLike().Replace(message.Replace(to, RedactedNumber, StringComparison.Ordinal), RedactedNumber);

    // A '+' and digits, or seven digits or more with the usual separators: numbers, not "1600 characters".
    [GeneratedRegex(@"\+\d[\d ().-]*\d|\d(?:[ ().-]*\d){6,}")]
    private static partial Regex PhoneNumberLike();

    [LoggerMessage(Level = LogLevel.Information, Message = "SMS {MessageSid} accepted by Twilio with status {Status}")]
    private static partial void LogAccepted(ILogger logger, string messageSid, string status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Twilio refused an SMS: HTTP {HttpStatus}, error {ErrorCode}")]
    private static partial void LogRefused(ILogger logger, int httpStatus, int? errorCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Twilio could not take an SMS now: HTTP {HttpStatus}, error {ErrorCode}, may have been sent: {MayHaveBeenSent}")]
    private static partial void LogNotNow(ILogger logger, int httpStatus, int? errorCode, bool mayHaveBeenSent);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Twilio did not answer an SMS request in time; it may have been sent")]
    private static partial void LogNoAnswer(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Twilio could not be reached ({Error}), may have been sent: {MayHaveBeenSent}")]
    private static partial void LogUnreachable(ILogger logger, string error, bool mayHaveBeenSent);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Twilio accepted an SMS (HTTP {HttpStatus}) but its answer could not be read; no message SID")]
    private static partial void LogUnreadableAcceptance(ILogger logger, int httpStatus);
}
