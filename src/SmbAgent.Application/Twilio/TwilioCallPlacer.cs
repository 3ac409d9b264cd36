using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace SmbAgent.Twilio;

/// <summary>
/// Twilio's Calls API through the SDK (<c>CallResource.CreateAsync</c>) from the platform's number, with the TwiML
/// inline and every progress event posted to the status callback. Logs carry the call SID, never the number.
/// </summary>
public sealed partial class TwilioCallPlacer(TwilioRestClients clients, IOptions<TwilioOptions> options, ILogger<TwilioCallPlacer> logger)
    : IOutboundCallPlacer
{
    private static readonly string[] ProgressEvents = ["initiated", "ringing", "answered", "completed"];

    public async Task<PlacedCall> PlaceAsync(OutboundCallRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.To);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Twiml);
        var from = options.Value.FromNumber;
        if (string.IsNullOrWhiteSpace(from))
        {
            // A messaging service can send SMS but has no number to call from.
            throw new OutboundCallPermanentFailureException("Calls need Twilio:FromNumber, a voice-capable number of the platform's account.");
        }

        var call = new CreateCallOptions(new PhoneNumber(request.To), new PhoneNumber(from))
        {
            Twiml = new Twiml(request.Twiml),
            StatusCallback = request.StatusCallback,
            StatusCallbackEvent = [.. ProgressEvents],
            Timeout = (int)Math.Ceiling(request.RingTimeout.TotalSeconds),
        };

        using var exchange = TwilioExchange.Begin(cancellationToken);
        CallResource? placed;
        try
        {
            placed = await CallResource.CreateAsync(call, clients.Platform());
        }
        catch (TwilioException) when (exchange.Accepted)
        {
            placed = null;
        }
        catch (TwilioException e)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw TwilioRequestFailure.Classify(e, exchange, request.To) is { } failure ? Failed(failure) : e;
        }

        if (placed?.Sid is not { Length: > 0 } sid)
        {
            // Twilio took the call but its SID is unknown: the caller decides whether ringing the owner twice is worse
            // than not at all, as after a timeout.
            LogUnreadableAcceptance(logger, (int?)exchange.Status ?? 0);
            throw new OutboundCallTransientFailureException(
                "Twilio accepted the call but its answer could not be read; the call has been placed.",
                mayHaveBeenPlaced: true,
                httpStatusCode: (int?)exchange.Status);
        }

        var status = placed.Status?.ToString() ?? "queued";
        LogPlaced(logger, sid, status);
        return new PlacedCall(sid, status);
    }

    private OutboundCallException Failed(TwilioRequestFailure failure)
    {
        LogFailed(logger, failure.Kind, failure.HttpStatusCode ?? 0, failure.ErrorCode, failure.MayHaveBeenSent);
        var status = failure.HttpStatusCode?.ToString(CultureInfo.InvariantCulture) ?? "none";
        return failure.Kind switch
        {
            TwilioFailureKind.Refused => new OutboundCallPermanentFailureException(
                $"Twilio refused the call (HTTP {status}, error {failure.CodeText}): {failure.Reason}",
                failure.HttpStatusCode,
                failure.ErrorCode,
                failure.MoreInfo),
            TwilioFailureKind.NotNow => new OutboundCallTransientFailureException(
                $"Twilio could not place the call now (HTTP {status}, error {failure.CodeText}): {failure.Reason}",
                failure.MayHaveBeenSent,
                failure.RetryAfter,
                failure.HttpStatusCode,
                failure.ErrorCode,
                failure.MoreInfo),
            TwilioFailureKind.NoAnswer => new OutboundCallTransientFailureException(
                "Twilio did not answer in time; the call may have been placed.", mayHaveBeenPlaced: true, innerException: failure.ConnectionError),
            _ => new OutboundCallTransientFailureException(
                failure.MayHaveBeenSent
                    ? "The connection to Twilio failed after the request was sent; the call may have been placed."
                    : "Twilio could not be reached.",
                failure.MayHaveBeenSent,
                innerException: failure.ConnectionError),
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {CallSid} placed through Twilio with status {Status}")]
    private static partial void LogPlaced(ILogger logger, string callSid, string status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Twilio did not place a call ({Kind}): HTTP {HttpStatus}, error {ErrorCode}, may have been placed: {MayHaveBeenPlaced}")]
    private static partial void LogFailed(ILogger logger, TwilioFailureKind kind, int httpStatus, int? errorCode, bool mayHaveBeenPlaced);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Twilio accepted a call (HTTP {HttpStatus}) but its answer could not be read; no call SID")]
    private static partial void LogUnreadableAcceptance(ILogger logger, int httpStatus);
}
