namespace SmbAgent.HttpApi.Hosting;

/// <summary>
/// The API's security headers, on every answer (endpoints, problems, the OpenAPI document): it serves JSON only,
/// so a browser that opens one of its answers runs, loads and frames nothing, and sends no referrer on.
/// </summary>
public static class SecurityHeadersExtensions
{
    public const string ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

    /// <summary>Call first: the headers are written as the answer starts, so the exception handler's cleared responses keep them.</summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }
}
