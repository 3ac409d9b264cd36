using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmbAgent.Twilio;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace SmbAgent.Notifications.Sms;

/// <summary>
/// Twilio's Messages API through the SDK (<c>MessageResource.CreateAsync</c>) on the platform's REST client, whose
/// HTTP pipeline retries only what provably sent nothing (<see cref="TwilioRetryPolicy"/>). Logs carry the message
/// SID and status, never the number, the text or the token.
/// </summary>
public sealed partial class TwilioSmsSender(TwilioRestClients clients, IOptions<TwilioOptions> options, ILogger<TwilioSmsSender> logger) : ISmsSender
{
    public bool IsConfigured => true;

    public async Task<SmsSendResult> SendAsync(string toE164, string body, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(toE164);
        ArgumentException.ThrowIfNullOrWhiteSpace(body);
        var settings = options.Value;
        var (text, truncated) = SmsText.Fit(body, SmsLimits.MaxBodyLength);
        var message = new CreateMessageOptions(new PhoneNumber(toE164)) { Body = text };
        if (!string.IsNullOrWhiteSpace(settings.MessagingServiceSid))
        {
            message.MessagingServiceSid = settings.MessagingServiceSid;
        }
        else
        {
            message.From = new PhoneNumber(settings.FromNumber);
        }

        using var exchange = TwilioExchange.Begin(cancellationToken);
        MessageResource? created;
        try
        {
            created = await MessageResource.CreateAsync(message, clients.Platform());
        }
        catch (TwilioException) when (exchange.Accepted)
        {
            // A 2xx means Twilio took the message: an unreadable answer must not make the job send it again.
            created = null;
        }
        catch (TwilioException e)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw TwilioRequestFailure.Classify(e, exchange, toE164) is { } failure ? Failed(failure) : e;
        }

        if (created?.Sid is not { Length: > 0 } sid)
        {
            LogUnreadableAcceptance(logger, (int?)exchange.Status ?? 0);
            return new SmsSendResult(null, "accepted", truncated);
        }

        var state = created.Status?.ToString() ?? "queued";
        LogAccepted(logger, sid, state);
        return new SmsSendResult(sid, state, truncated);
    }

    private SmsDeliveryException Failed(TwilioRequestFailure failure)
    {
        switch (failure.Kind)
        {
            case TwilioFailureKind.NoAnswer:
                LogNoAnswer(logger);
                return new SmsTransientFailureException(
                    "Twilio did not answer in time; the SMS may have been sent.", mayHaveBeenSent: true, innerException: failure.ConnectionError);
            case TwilioFailureKind.Unreachable:
                LogUnreachable(logger, failure.ConnectionErrorKind, failure.MayHaveBeenSent);
                return new SmsTransientFailureException(
                    failure.MayHaveBeenSent
                        ? "The connection to Twilio failed after the request was sent; the SMS may have been sent."
                        : "Twilio could not be reached.",
                    failure.MayHaveBeenSent,
                    innerException: failure.ConnectionError);
            case TwilioFailureKind.NotNow:
                LogNotNow(logger, failure.HttpStatusCode ?? 0, failure.ErrorCode, failure.MayHaveBeenSent);
                return new SmsTransientFailureException(
                    $"Twilio could not take the SMS now (HTTP {failure.HttpStatusCode}, error {failure.CodeText}): {failure.Reason}",
                    failure.MayHaveBeenSent,
                    failure.RetryAfter,
                    failure.HttpStatusCode,
                    failure.ErrorCode,
                    failure.MoreInfo);
            default:
                LogRefused(logger, failure.HttpStatusCode ?? 0, failure.ErrorCode);
                return new SmsPermanentFailureException(
                    $"Twilio refused the SMS (HTTP {failure.HttpStatusCode}, error {failure.CodeText}): {failure.Reason}",
                    failure.HttpStatusCode,
                    failure.ErrorCode,
                    failure.MoreInfo);
        }
    }

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
