using Microsoft.Extensions.Options;
using SmbAgent.PublicUrls;
using SmbAgent.Workspace.Widget;

namespace SmbAgent.Web.Hosting;

/// <summary>
/// The admin's security headers, on every answer (pages, error and status pages, static files): its pages run
/// only their own scripts and styles from wwwroot, are never framed, and don't leak their URLs to other sites.
/// </summary>
public static class SecurityHeadersExtensions
{
    // No inline script, style or event handler anywhere in the admin; Bootstrap's CSS draws its small icons from data: URIs.
    public const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    // Hangfire's dashboard (host admins only) writes inline styles and scripts of its own that the admin cannot change.
    public const string DashboardContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string WidgetPreviewPath = "/Workspace/Install";

    /// <summary>
    /// The Install page previews the real widget: its loader and chat scripts come from the API, which it also calls.
    /// Nothing else differs from <see cref="ContentSecurityPolicy"/>, so the widget is checked under a strict policy here too.
    /// </summary>
    public static string WidgetPreviewContentSecurityPolicy(string apiOrigin) =>
        $"default-src 'self'; script-src 'self' {apiOrigin}; connect-src 'self' {apiOrigin}; img-src 'self' data: {apiOrigin}; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Call first: the headers are written as the answer starts, so the exception handler's cleared responses keep them.</summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        var previewPolicy = WidgetPreviewContentSecurityPolicy(WidgetOrigins.Of(app.Services.GetRequiredService<IOptions<PublicUrlOptions>>().Value.Api));
        app.Use((context, next) =>
        {
            var path = context.Request.Path;
            var policy = path.StartsWithSegments(HangfireDashboardExtensions.Path) ? DashboardContentSecurityPolicy
                : path.StartsWithSegments(WidgetPreviewPath) ? previewPolicy
                : ContentSecurityPolicy;
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = policy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                // Replaces the SAMEORIGIN antiforgery writes on form pages only.
                headers.XFrameOptions = "DENY";
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }
}
