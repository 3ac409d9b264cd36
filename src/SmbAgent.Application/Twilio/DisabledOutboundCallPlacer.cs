namespace SmbAgent.Twilio;

/// <summary>Registered when no Twilio account is configured: says so instead of failing somewhere inside HTTP.</summary>
public sealed class DisabledOutboundCallPlacer : IOutboundCallPlacer
{
    public const string NotConfiguredMessage =
        "Calls are not configured: set Twilio:AccountSid, Twilio:AuthToken and Twilio:FromNumber, or Twilio:DevelopmentOutbox.";

    public Task<PlacedCall> PlaceAsync(OutboundCallRequest request, CancellationToken cancellationToken = default) =>
        Task.FromException<PlacedCall>(new OutboundCallPermanentFailureException(NotConfiguredMessage));
}
