using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SmbAgent.Web.Tests.Knowledge;

/// <summary>A Kestrel server on 127.0.0.1 with a free port, serving the business's "website" for URL sources.</summary>
public sealed class LocalPageServer : IAsyncDisposable
{
    public const string AboutPage = """
        <html><head><title>Rosa's Bakery</title><script>var tracking = "script-text";</script></head>
        <body><nav>Home | Menu | Contact</nav>
        <h1>Rosa's Bakery</h1><p>We bake sourdough bread every morning from six o'clock.</p>
        <h2>Opening hours</h2><p>Open Tuesday to Sunday, closed on Mondays. Gluten free loaves on Fridays.</p>
        </body></html>
        """;

    private readonly WebApplication _app;

    private LocalPageServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public Uri Url(string path) => new(BaseAddress, path);

    public static async Task<LocalPageServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/about", () => Results.Content(AboutPage, "text/html; charset=utf-8"));
        app.MapGet("/missing", () => Results.NotFound());
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LocalPageServer(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
