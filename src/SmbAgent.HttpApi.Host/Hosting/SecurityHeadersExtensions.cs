using Microsoft.Extensions.Options;
using SmbAgent.Data;
using SmbAgent.HttpApi.Demo;
using SmbAgent.HttpApi.RestApi;
using SmbAgent.PublicUrls;
using SmbAgent.Workspace.Widget;

namespace SmbAgent.HttpApi.Hosting;

/// <summary>
/// The API's security headers, on every answer (endpoints, problems, the OpenAPI document): it serves JSON only (and /demo, whose own policy runs the widget, and /api-docs, whose policy runs the reference),
/// so a browser that opens one of its answers runs, loads and frames nothing, and sends no referrer on.
/// </summary>
public static class SecurityHeadersExtensions
{
    public const string ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

    /// <summary>Call first: the headers are written as the answer starts, so the exception handler's cleared responses keep them.</summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        var demoPolicy = app.Services.GetRequiredService<IOptions<SeedOptions>>().Value.DemoTenant.Enabled
            ? DemoPage.ContentSecurityPolicy(WidgetOrigins.Of(app.Services.GetRequiredService<IOptions<PublicUrlOptions>>().Value.Api))
            : ContentSecurityPolicy;
        app.Use((context, next) =>
        {
            // The demo site is the one page the API serves, carrying the widget; every other answer loads nothing.
            var policy = context.Request.Path.StartsWithSegments(DemoPageEndpoints.Path) ? demoPolicy
                : context.Request.Path.StartsWithSegments(RestApiDocumentation.DocsPath) ? RestApiDocumentation.ContentSecurityPolicy
                : ContentSecurityPolicy;
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = policy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }
}
