using Microsoft.Net.Http.Headers;
using SmbAgent.Conversations.Chat;

namespace SmbAgent.HttpApi.Conversations;

/// <summary>
/// What the widget's loader reads to draw the launcher before any conversation exists, under the widget routes'
/// conventions (<see cref="WidgetRoutes"/>). Shared caches may keep it a minute: a settings change reaches visitors
/// that late, and a busy site's page views cost no query. Per origin, since the CORS answer names the origin.
/// </summary>
public static class WidgetConfigurationEndpoints
{
    public const string CacheControl = "public, max-age=60";

    public static void MapWidgetConfigurationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapWidgetGroup("/config");

        group.MapGet("/", async (HttpContext http, ChatAppService chat, CancellationToken ct, string? language = null) =>
                {
                    var configuration = await chat.GetWidgetConfigurationAsync(language, ct);
                    http.Response.Headers.CacheControl = CacheControl;
                    http.Response.Headers.Append(HeaderNames.Vary, HeaderNames.Origin);
                    return TypedResults.Ok(configuration);
                })
            .WithName("GetWidgetConfiguration");
    }
}
