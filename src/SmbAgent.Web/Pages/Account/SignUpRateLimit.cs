using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace SmbAgent.Web.Pages.Account;

/// <summary>
/// Sign-up attempts per client IP in a fixed ten-minute window ("RateLimits:SignUpPerTenMinutes", default 5).
/// Only posts count: reading the form is free. A refused post gets 429 and the friendly status page.
/// </summary>
public static class SignUpRateLimit
{
    public const string PolicyName = "signup";
    public const string LimitKey = "RateLimits:SignUpPerTenMinutes";
    public const int DefaultLimit = 5;

    public static IServiceCollection AddSignUpRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var limit = Math.Max(1, configuration.GetValue(LimitKey, DefaultLimit));
        return services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(PolicyName, httpContext => HttpMethods.IsPost(httpContext.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(10), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter(string.Empty));
        });
    }
}
