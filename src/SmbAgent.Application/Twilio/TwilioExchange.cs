using System.Net;

namespace SmbAgent.Twilio;

/// <summary>
/// One request through the SDK, seen from our HTTP pipeline. The SDK's REST client takes no cancellation token and
/// keeps only the status and body of an error, so the caller's token travels down to <see cref="TwilioExchangeHandler"/>
/// in this async-local, and the handler writes back what the classification of a failure needs (the final answer's
/// status, reason and <c>Retry-After</c>).
/// </summary>
internal sealed class TwilioExchange : IDisposable
{
    private static readonly AsyncLocal<TwilioExchange?> CurrentExchange = new();

    private TwilioExchange(CancellationToken callerCancellation) => CallerCancellation = callerCancellation;

    public static TwilioExchange? Current => CurrentExchange.Value;

    public CancellationToken CallerCancellation { get; }

    /// <summary>The status of the last answer, after the retries; null when none came.</summary>
    public HttpStatusCode? Status { get; private set; }

    public string? ReasonPhrase { get; private set; }

    public TimeSpan? RetryAfter { get; private set; }

    /// <summary>The last answer was a 2xx: Twilio took the request, whatever its body said.</summary>
    public bool Accepted => Status is { } status && (int)status is >= 200 and < 300;

    public static TwilioExchange Begin(CancellationToken callerCancellation) =>
        CurrentExchange.Value = new TwilioExchange(callerCancellation);

    public void Answered(HttpResponseMessage response)
    {
        Status = response.StatusCode;
        ReasonPhrase = response.ReasonPhrase;
        RetryAfter = TwilioRetryPolicy.RetryAfter(response);
    }

    public void Dispose()
    {
        if (CurrentExchange.Value == this)
        {
            CurrentExchange.Value = null;
        }
    }
}
