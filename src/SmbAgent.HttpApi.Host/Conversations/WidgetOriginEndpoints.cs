using SmbAgent.ErrorHandling;
using SmbAgent.Workspace.Widget;

namespace SmbAgent.HttpApi.Conversations;

/// <summary>
/// Refuses a widget request from a site the business did not allow, before any work: CORS alone only keeps a browser
/// from reading the answer, while the conversation would already be started or the message answered. A request without
/// <c>Origin</c> (curl, a server) is not a site embedding the widget and passes; a token copied to another site doesn't.
/// A request from one of the owner's sites is recorded as the widget's last sighting.
/// </summary>
public static class WidgetOriginEndpoints
{
    public const string OriginNotAllowedCode = "Widget:OriginNotAllowed";

    public static RouteGroupBuilder WithWidgetOrigins(this RouteGroupBuilder group) =>
        group.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (http.Request.Headers.Origin is not [{ } header, ..])
            {
                return await next(context);
            }

            var origin = WidgetOrigins.FromHeader(header);
            var policy = http.RequestServices.GetRequiredService<WidgetOriginPolicy>();
            if (origin is null || !await policy.IsAllowedAsync(origin, http.RequestAborted))
            {
                // The refusal alone is readable by the refused page, so its widget says "not available here" instead
                // of retrying a network error; it carries nothing of the business, and a preflight still gets no
                // CORS headers, so that page can't send the widget's JSON requests.
                if (origin is not null)
                {
                    http.Response.Headers.AccessControlAllowOrigin = origin;
                    http.Response.Headers.Append("Vary", "Origin");
                }

                return TypedResults.Problem(Problems.Create(
                    StatusCodes.Status403Forbidden,
                    "Origin not allowed",
                    $"This business's chat widget is not installed on {origin ?? "this page"}: its owner adds the site's address under Install in the admin.",
                    new Dictionary<string, object?> { ["code"] = OriginNotAllowedCode }));
            }

            if (!policy.IsAppOrigin(origin))
            {
                await http.RequestServices.GetRequiredService<WidgetSightings>().RecordAsync(origin, http.RequestAborted);
            }

            return await next(context);
        });
}
