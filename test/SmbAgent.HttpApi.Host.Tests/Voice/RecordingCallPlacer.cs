using System.Collections.Concurrent;
using SmbAgent.Twilio;

namespace SmbAgent.HttpApi.Tests.Voice;

/// <summary>Stands in for the Calls API: keeps every call asked for; a number in <see cref="Failing"/> is refused.</summary>
public sealed class RecordingCallPlacer : IOutboundCallPlacer
{
    private readonly ConcurrentQueue<OutboundCallRequest> calls = new();

    public ConcurrentDictionary<string, bool> Failing { get; } = new();

    public IReadOnlyList<OutboundCallRequest> Calls => [.. calls];

    public Task<PlacedCall> PlaceAsync(OutboundCallRequest request, CancellationToken cancellationToken = default)
    {
        if (Failing.ContainsKey(request.To))
        {
            throw new InvalidOperationException("The 'To' number is not a valid phone number.");
        }

        calls.Enqueue(request);
        return Task.FromResult(new PlacedCall("CA" + Guid.NewGuid().ToString("N"), "queued"));
    }
}
