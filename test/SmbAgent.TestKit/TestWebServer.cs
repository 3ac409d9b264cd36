using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SmbAgent.TestKit;

/// <summary>A Kestrel server on 127.0.0.1 with a free port serving the pages the URL tests fetch.</summary>
public sealed class TestWebServer : IAsyncDisposable
{
    public const string AboutPage = """
        <html><head><title>Bakery</title><script>var tracking = "secret-script-text";</script><style>.x{color:red}</style></head>
        <body><nav>Home | Menu | Contact</nav>
        <h1>Rosa's Bakery</h1><p>We bake sourdough bread every morning from six o'clock.</p>
        <h2>Opening hours</h2><p>Open Tuesday to Sunday, closed on Mondays. Gluten free loaves on Fridays.</p>
        <footer>Copyright footer-text</footer></body></html>
        """;

    private readonly WebApplication _app;

    private TestWebServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public Uri Url(string path) => new(BaseAddress, path);

    public static async Task<TestWebServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/about", () => Results.Content(AboutPage, "text/html; charset=utf-8"));
        app.MapGet("/plain", () => Results.Text("Plain text page about parking behind the shop.", "text/plain"));
        app.MapGet("/to-about", () => Results.Redirect("/about"));
        app.MapGet("/to-metadata", () => Results.Redirect("http://169.254.169.254/latest/meta-data/"));
        app.MapGet("/loop/{n:int}", (int n) => Results.Redirect($"/loop/{n + 1}"));
        app.MapGet("/scripts-only", () => Results.Content(
            "<html><body><script>" + new string('x', 50_000) + "</script><div id=app></div></body></html>", "text/html"));
        app.MapGet("/huge", async (HttpContext context) =>
        {
            // 5 MB of script, streamed without a Content-Length so only the reader's own limit stops it.
            context.Response.ContentType = "text/html";
            var block = new byte[64 * 1024];
            Array.Fill(block, (byte)'a');
            await context.Response.WriteAsync("<html><body><script>");
            for (var i = 0; i < 80; i++)
            {
                await context.Response.Body.WriteAsync(block);
            }
        });
        app.MapGet("/slow", async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(5));
            return Results.Text("late");
        });
        app.MapGet("/missing", () => Results.NotFound());
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TestWebServer(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
