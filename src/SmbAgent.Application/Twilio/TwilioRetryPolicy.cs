using System.Net;
using Polly.Retry;

namespace SmbAgent.Twilio;

/// <summary>
/// Which failures are retried inside one request. Twilio's Messages and Calls APIs have no idempotency key, so a POST is only
/// repeated when the first one provably created nothing: the connection never opened (DNS, refused, connect timeout, TLS), or
/// Twilio answered 429 or 503, which it sends before processing. Timeouts, connections lost after the request
/// went out, and 500/502/504 may hide an accepted message or call: they end the request with a transient failure
/// marked <see cref="TwilioRequestFailure.MayHaveBeenSent"/>, and the background job decides.
/// </summary>
internal static class TwilioRetryPolicy
{
    public static bool NothingWasSent(Exception exception) => exception switch
    {
        HttpRequestException http => http.HttpRequestError is HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError
            or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError,

        // SocketsHttpHandler reports its ConnectTimeout this way, not as an HttpRequestException.
        OperationCanceledException { InnerException: TimeoutException } => true,
        _ => false,
    };

    public static bool NotProcessed(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable;

    public static bool ShouldRetry(Polly.Outcome<HttpResponseMessage> outcome, TimeSpan maxRetryAfter) => outcome switch
    {
        { Exception: { } exception } => NothingWasSent(exception),
        { Result: { } response } => NotProcessed(response.StatusCode) && !(RetryAfter(response) > maxRetryAfter),
        _ => false,
    };

    public static ValueTask<TimeSpan?> RetryAfterDelay(RetryDelayGeneratorArguments<HttpResponseMessage> arguments) =>
        ValueTask.FromResult(arguments.Outcome.Result is { } response ? RetryAfter(response) : null);

    public static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => TimeSpan.FromTicks(Math.Max(0, (date - DateTimeOffset.UtcNow).Ticks)),
        _ => null,
    };
}
