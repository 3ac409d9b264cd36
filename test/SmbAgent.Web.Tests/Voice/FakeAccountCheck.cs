using System.Collections.Concurrent;
using SmbAgent.Twilio;

namespace SmbAgent.Web.Tests.Voice;

/// <summary>Stands in for Twilio's account check: answers <see cref="Result"/> and keeps what it was asked with.</summary>
public sealed class FakeAccountCheck : ITwilioAccountCheck
{
    private readonly ConcurrentQueue<(string AccountSid, string AuthToken, string Number)> calls = new();

    public TwilioAccountCheckResult Result { get; set; } = new(null, null);

    public IReadOnlyList<(string AccountSid, string AuthToken, string Number)> Calls => [.. calls];

    public Task<TwilioAccountCheckResult> CheckAsync(string accountSid, string authToken, string number, CancellationToken cancellationToken = default)
    {
        calls.Enqueue((accountSid, authToken, number));
        return Task.FromResult(Result);
    }
}
