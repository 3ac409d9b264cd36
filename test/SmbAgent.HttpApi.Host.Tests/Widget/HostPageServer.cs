using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SmbAgent.HttpApi.Tests.Widget;

/// <summary>
/// A small business's own website on a loopback origin of its own: pages carrying the widget's snippet under a strict
/// Content-Security-Policy that lets in only the widget's origin (and the site's own stylesheets), a hostile stylesheet
/// for the isolation test, and a services page the business adds to its knowledge base.
/// </summary>
public sealed class HostPageServer : IAsyncDisposable
{
    public const string ServicesPath = "/services";

    public const string HostileCss = """
        * { all: unset !important; }
        html, body { display: block !important; font: 48px/3 "Comic Sans MS", cursive !important; color: red !important; }
        div, section, button, input, form, p, a, span, h2, smbagent-widget {
          font-size: 72px !important; letter-spacing: 9px !important; padding: 30px !important; margin: 20px !important;
          border: 9px solid lime !important; box-sizing: content-box !important; background: yellow !important;
          position: relative !important; z-index: 2147483647 !important; width: 900px !important; height: 900px !important;
        }
        """;

    private readonly WebApplication _app;

    private HostPageServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>http://127.0.0.1:port: the origin the businesses allow.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The same server as http://localhost:port, another origin that no business allows.</summary>
    public Uri OtherOrigin => new UriBuilder(BaseAddress) { Host = "localhost" }.Uri;

    public static string OriginOf(Uri address) => address.GetLeftPart(UriPartial.Authority);

    /// <summary>A page of the site carrying <paramref name="widgetKey"/>'s widget; <paramref name="hostile"/> adds the hostile stylesheet.</summary>
    public Uri PageOf(string widgetKey, bool hostile = false, Uri? origin = null, string page = "") =>
        new(origin ?? BaseAddress, $"/site/{widgetKey}/{page}{(hostile ? "?hostile=true" : string.Empty)}");

    public static async Task<HostPageServer> StartAsync(Uri api)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var apiOrigin = OriginOf(api);
        app.MapGet("/site/{widgetKey}/{page?}", (string widgetKey, bool? hostile, HttpContext http) =>
        {
            http.Response.Headers.ContentSecurityPolicy =
                $"default-src 'none'; script-src {apiOrigin}; connect-src {apiOrigin}; style-src 'self'; img-src 'self'; form-action 'self'";
            return Results.Content(Page(apiOrigin, widgetKey, hostile == true), "text/html; charset=utf-8");
        });
        app.MapGet("/site.css", () => Results.Text("body { margin: 0; font: 16px/1.5 Georgia, serif; } main { max-width: 40rem; margin: 0 auto; padding: 1rem; }", "text/css"));
        app.MapGet("/hostile.css", () => Results.Text(HostileCss, "text/css"));
        app.MapGet(ServicesPath, () => Results.Content(
            """
            <html><head><title>Drain services</title></head><body><main>
            <h1>Blocked drains</h1>
            <p>We clear blocked drains and sewer lines with a camera inspection and high-pressure jetting, usually on the same day.</p>
            </main></body></html>
            """, "text/html; charset=utf-8"));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new HostPageServer(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>The snippet exactly as the Install page prints it, at the end of an ordinary page.</summary>
    private static string Page(string api, string widgetKey, bool hostile) =>
        $"""
         <!doctype html>
         <html lang="en">
         <head>
         <meta charset="utf-8">
         <meta name="viewport" content="width=device-width, initial-scale=1">
         <title>Rosa's Plumbing</title>
         <link rel="stylesheet" href="/site.css">
         {(hostile ? "<link rel=\"stylesheet\" href=\"/hostile.css\">" : string.Empty)}
         </head>
         <body>
         <main>
         <h1>Rosa's Plumbing</h1>
         <p>Family plumbers since 1987. Leaks, drains, water heaters and bathrooms.</p>
         <p><a href="/site/{WebUtility.UrlEncode(widgetKey)}/contact">Contact us</a></p>
         </main>
         <script src="{api}/widget/loader.js" data-widget-key="{WebUtility.HtmlEncode(widgetKey)}" async></script>
         </body>
         </html>
         """;
}
