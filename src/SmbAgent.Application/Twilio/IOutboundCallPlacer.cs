namespace SmbAgent.Twilio;

/// <summary>
/// Places a call from the platform's Twilio number through the Calls API (or, with no account configured, into the
/// development outbox). The TwiML is built by the caller with the SDK's <c>VoiceResponse</c>; the number comes from
/// the business's own contacts, never from a visitor.
/// </summary>
public interface IOutboundCallPlacer
{
    Task<PlacedCall> PlaceAsync(OutboundCallRequest request, CancellationToken cancellationToken = default);
}

/// <param name="TenantId">The business the call is about (shown in the development outbox).</param>
/// <param name="To">E.164.</param>
/// <param name="Twiml">What the callee hears first, with its gathers' actions.</param>
/// <param name="StatusCallback">Where Twilio posts the call's progress (ringing, answered, completed, no-answer…).</param>
/// <param name="RingTimeout">How long it rings before Twilio gives up with no-answer.</param>
public sealed record OutboundCallRequest(Guid? TenantId, string To, string Twiml, Uri StatusCallback, TimeSpan RingTimeout);

/// <param name="CallSid">Twilio's <c>CA…</c> id (a made-up one in the development outbox).</param>
public sealed record PlacedCall(string CallSid, string Status);
