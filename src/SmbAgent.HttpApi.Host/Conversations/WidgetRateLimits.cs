using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using SmbAgent.Conversations;
using SmbAgent.ErrorHandling;
using SmbAgent.Tenancy;

namespace SmbAgent.HttpApi.Conversations;

/// <summary>
/// The widget's limits, kept per instance (a second instance doubles the allowance, which they tolerate). New
/// conversations per visitor address per hour and per business per minute: a flood locks a business's new starts
/// for a minute, while conversations already open go on. Message requests per conversation per minute, counted before
/// the request is read, so requests that fail count too.
/// </summary>
public static class WidgetRateLimits
{
    public const string StartEndpoint = "StartConversation";
    public const string MessageEndpoint = "SendMessage";

    public static IServiceCollection AddWidgetRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var perAddress = configuration.GetValue("RateLimits:ConversationsPerHourPerAddress", 30);
        var perBusiness = configuration.GetValue("RateLimits:ConversationsPerMinutePerBusiness", 30);
        var perConversation = configuration.GetValue("RateLimits:MessagesPerMinutePerConversation", 30);
        return services.AddRateLimiter(options =>
        {
            options.OnRejected = (context, _) => new ValueTask(RefuseAsync(context));
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                On(StartEndpoint, perAddress, TimeSpan.FromHours(1), http => $"address:{http.Connection.RemoteIpAddress}"),
                On(StartEndpoint, perBusiness, TimeSpan.FromMinutes(1), http => $"business:{WidgetKeyOf(http)}"),
                On(MessageEndpoint, perConversation, TimeSpan.FromMinutes(1), http => $"conversation:{WidgetKeyOf(http)}:{TokenHashOf(http)}"));
        });
    }

    private static PartitionedRateLimiter<HttpContext> On(string endpoint, int limit, TimeSpan window, Func<HttpContext, string> partition) =>
        PartitionedRateLimiter.Create<HttpContext, string>(http =>
            EndpointNameOf(http) == endpoint
                ? RateLimitPartition.GetFixedWindowLimiter(partition(http), _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = window })
                : RateLimitPartition.GetNoLimiter(string.Empty));

    private static async Task RefuseAsync(OnRejectedContext context)
    {
        var http = context.HttpContext;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        var (title, detail) = EndpointNameOf(http) == MessageEndpoint
            ? ("Too many messages", "Messages are coming in faster than this chat can take them; please wait a moment and send yours again.")
            : retryAfter <= TimeSpan.FromMinutes(1)
                ? ("Too many conversations", "Many conversations started here just now; please try again in a minute. Conversations already open go on as before.")
                : ("Too many conversations", "Too many conversations were started from here; please try again later.");
        await Problems.WriteAsync(http, StatusCodes.Status429TooManyRequests, title, detail);
    }

    private static string? EndpointNameOf(HttpContext http) => http.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName;

    private static object? WidgetKeyOf(HttpContext http) => http.Request.RouteValues[WidgetKeyTenantResolveContributor.RouteValue];

    /// <summary>The token's hash, as stored: the limiter's memory holds no conversation's secret.</summary>
    private static string TokenHashOf(HttpContext http) =>
        http.Request.Headers[WidgetChatEndpoints.TokenHeader].ToString() is { Length: > 0 and <= 100 } token ? ConversationTokens.Hash(token) : string.Empty;
}
