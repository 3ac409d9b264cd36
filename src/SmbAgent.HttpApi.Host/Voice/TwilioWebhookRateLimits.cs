using System.Globalization;
using System.Threading.RateLimiting;

namespace SmbAgent.HttpApi.Voice;

/// <summary>
/// The webhooks' limits, per number called and per calling number, kept per instance like the widget's. Applied as a
/// filter after the signature check rather than by the rate-limiting middleware before it: counted before, forged
/// posts naming a business's number would use up that number's allowance and lock its real callers out.
/// </summary>
public sealed class TwilioWebhookRateLimits : IEndpointFilter, IDisposable
{
    private readonly PartitionedRateLimiter<TwilioWebhook> limiter;

    public TwilioWebhookRateLimits(IConfiguration configuration)
    {
        var perNumber = configuration.GetValue("RateLimits:VoiceWebhooksPerMinutePerNumber", 600);
        var perCaller = configuration.GetValue("RateLimits:VoiceWebhooksPerMinutePerCaller", 60);
        // The caller's limit first: a fixed window's permit is spent once taken, so a caller refused here takes none of
        // the number's allowance, which the business's other callers share.
        limiter = PartitionedRateLimiter.CreateChained(
            PerMinute(perCaller, webhook => $"caller:{webhook.From}"),
            PerMinute(perNumber, webhook => $"called:{webhook.To}"));
    }

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        using var lease = limiter.AttemptAcquire(context.HttpContext.GetTwilioWebhook());
        if (lease.IsAcquired)
        {
            return await next(context);
        }

        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many requests",
            detail: "Too many webhook requests for this number or from this caller; Twilio will use the fallback.");
    }

    public void Dispose() => limiter.Dispose();

    private static PartitionedRateLimiter<TwilioWebhook> PerMinute(int limit, Func<TwilioWebhook, string> partition) =>
        PartitionedRateLimiter.Create<TwilioWebhook, string>(webhook =>
            RateLimitPartition.GetFixedWindowLimiter(partition(webhook), _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1) }));
}
