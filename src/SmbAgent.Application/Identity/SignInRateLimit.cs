using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SmbAgent.Identity;

/// <summary>
/// Password sign-in attempts per client address in a fixed one-minute window ("RateLimits:SignInPerMinute", default 10),
/// on the admin login form and the API token endpoint alike. Lockout still counts per account; this stops one address
/// from trying many accounts. Only posts count. Kept per instance, like the other rate limits.
/// </summary>
public static class SignInRateLimit
{
    public const string PolicyName = "signin";
    public const string LimitKey = "RateLimits:SignInPerMinute";
    public const int DefaultLimit = 10;

    /// <param name="onRejected">How a host answers a refused attempt; without it the host's status code page shows the 429.</param>
    public static IServiceCollection AddSignInRateLimit(
        this IServiceCollection services,
        IConfiguration configuration,
        Func<OnRejectedContext, CancellationToken, ValueTask>? onRejected = null)
    {
        var limit = Math.Max(1, configuration.GetValue(LimitKey, DefaultLimit));
        return services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(PolicyName, new PerAddressPolicy(limit, onRejected));
        });
    }

    /// <summary>The seconds a refused client should wait, from the fixed window's lease.</summary>
    public static void SetRetryAfter(OnRejectedContext context)
    {
        if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            context.HttpContext.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }
    }

    private sealed class PerAddressPolicy(int limit, Func<OnRejectedContext, CancellationToken, ValueTask>? onRejected) : IRateLimiterPolicy<string>
    {
        public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = (context, cancellationToken) =>
        {
            SetRetryAfter(context);
            return onRejected?.Invoke(context, cancellationToken) ?? ValueTask.CompletedTask;
        };

        public RateLimitPartition<string> GetPartition(HttpContext httpContext) => HttpMethods.IsPost(httpContext.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter(
                httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
            : RateLimitPartition.GetNoLimiter(string.Empty);
    }
}
