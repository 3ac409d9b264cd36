using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using SmbAgent.ErrorHandling;

namespace SmbAgent.HttpApi.RestApi;

/// <summary>
/// Requests per key per minute (<c>RateLimits:ApiRequestsPerMinutePerKey</c>), per instance. Requests without a valid
/// key share one allowance per address, so probing for keys is throttled too.
/// </summary>
public sealed class RestApiRateLimits(int permitsPerMinute) : IRateLimiterPolicy<string>
{
    public const string PolicyName = "RestApiKey";

    public const int DefaultPermitsPerMinute = 120;

    public static IServiceCollection AddRestApiRateLimits(IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue("RateLimits:ApiRequestsPerMinutePerKey", DefaultPermitsPerMinute);
        return services.AddRateLimiter(options => options.AddPolicy(PolicyName, new RestApiRateLimits(permits)));
    }

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = (context, _) =>
    {
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return new ValueTask(Problems.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, "Too many requests",
            "This API key made more requests this minute than its plan allows; wait and try again."));
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        var partition = httpContext.Features.Get<ApiKeyFeature>() is { } feature
            ? $"key:{feature.Key.Id}"
            : $"address:{httpContext.Connection.RemoteIpAddress}";
        return RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permitsPerMinute,
            Window = TimeSpan.FromMinutes(1),
        });
    }
}
