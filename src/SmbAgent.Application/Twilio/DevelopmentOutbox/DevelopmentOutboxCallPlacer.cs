using Microsoft.Extensions.Options;
using SmbAgent.Voice;

namespace SmbAgent.Twilio.DevelopmentOutbox;

/// <summary>
/// With <see cref="TwilioOptions.DevelopmentOutbox"/>: a call becomes a row of the outbox with its TwiML and status
/// callback; the call simulator plays it from there.
/// </summary>
public sealed class DevelopmentOutboxCallPlacer(DevelopmentOutboxWriter outbox, IOptions<TwilioOptions> options) : IOutboundCallPlacer
{
    public async Task<PlacedCall> PlaceAsync(OutboundCallRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.To);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Twiml);
        var from = options.Value.FromNumber ?? string.Empty;
        var message = await outbox.WriteAsync(
            DevelopmentOutboxKind.Call, request.TenantId, request.To, from, request.Twiml, request.StatusCallback, cancellationToken);
        return new PlacedCall(message.Sid, "queued");
    }
}
