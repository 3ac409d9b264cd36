using System.Threading.RateLimiting;

namespace SmbAgent.HttpApi.Conversations;

/// <summary>
/// New conversations per visitor address and per business, per hour. Kept per instance: a second instance doubles
/// the allowance, which these limits tolerate; messages per conversation are limited in the database instead.
/// </summary>
public static class WidgetRateLimits
{
    public const string StartEndpoint = "StartConversation";

    public static IServiceCollection AddWidgetRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var perAddress = configuration.GetValue("RateLimits:ConversationsPerHourPerAddress", 30);
        var perBusiness = configuration.GetValue("RateLimits:ConversationsPerHourPerBusiness", 1000);
        return services.AddRateLimiter(options =>
        {
            options.OnRejected = (context, _) => new ValueTask(ErrorHandling.Problems.WriteAsync(
                context.HttpContext, StatusCodes.Status429TooManyRequests, "Too many conversations", "Too many conversations were started from here; try again later."));
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PerHour(perAddress, http => $"address:{http.Connection.RemoteIpAddress}"),
                PerHour(perBusiness, http => $"business:{http.Request.RouteValues["widgetKey"]}"));
        });
    }

    private static PartitionedRateLimiter<HttpContext> PerHour(int limit, Func<HttpContext, string> partition) =>
        PartitionedRateLimiter.Create<HttpContext, string>(http =>
            http.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName == StartEndpoint
                ? RateLimitPartition.GetFixedWindowLimiter(partition(http), _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromHours(1) })
                : RateLimitPartition.GetNoLimiter(string.Empty));
}
