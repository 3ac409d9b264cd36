namespace SmbAgent.Bench.Widget;

/// <summary>
/// The API's side as the widget meets it before any interaction: its built files, sent as their brotli copies with the
/// API's cache headers, and a configuration from a stub (a fixed business), answered with the widget CORS headers.
/// </summary>
public static class WidgetServer
{
    public const string WidgetKey = "wk_bench";

    private const string Configuration = """
        {"agentName":"Ava","businessName":"Rosa's Plumbing","primaryColor":"#0b5cad","accentColor":"#f59e0b","position":"BottomRight",
         "language":"en","welcomeMessage":"Hi! How can I help you today?","showBranding":true,"openNow":true}
        """;

    public static void Map(WebApplication app, string widgetFiles)
    {
        app.MapGet("/widget/{file}", async (string file, HttpContext http) =>
        {
            var path = Path.Combine(widgetFiles, Path.GetFileName(file));
            if (!File.Exists(path + ".br"))
            {
                return Results.NotFound();
            }

            http.Response.Headers.ContentEncoding = "br";
            http.Response.Headers.CacheControl = file == "loader.js" ? "public, max-age=300" : "public, max-age=31536000, immutable";
            http.Response.Headers["Cross-Origin-Resource-Policy"] = "cross-origin";
            return Results.Bytes(await File.ReadAllBytesAsync(path + ".br"), "text/javascript; charset=utf-8");
        });
        app.MapGet($"/api/widget/{WidgetKey}/config", (HttpContext http) =>
        {
            http.Response.Headers.AccessControlAllowOrigin = http.Request.Headers.Origin.ToString();
            http.Response.Headers.CacheControl = "public, max-age=60";
            http.Response.Headers.Vary = "Origin";
            return Results.Text(Configuration, "application/json; charset=utf-8");
        });
    }
}
