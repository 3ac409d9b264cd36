using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SmbAgent.Web.Tests.Voice;

/// <summary>
/// Twilio's recording media on a loopback port: <c>GET /2010-04-01/Accounts/{sid}/Recordings/{sid}.mp3</c> behind Basic
/// auth with one account's credentials, as the admin's recording endpoint fetches it. Every request is kept.
/// </summary>
public sealed class RecordingServer : IAsyncDisposable
{
    public const string AccountSid = "AC11111111111111111111111111111111";
    public const string AuthToken = "recording-token-3f9a";

    /// <summary>An MP3 frame header and some bytes: enough to tell the streamed body apart.</summary>
    public static readonly byte[] Audio = [0xFF, 0xFB, 0x90, 0x64, .. Encoding.ASCII.GetBytes("fake-mp3-audio-body")];

    private readonly WebApplication app;
    private readonly ConcurrentQueue<(string Path, string? Authorization)> requests = new();

    private RecordingServer(WebApplication app) => this.app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public IReadOnlyList<(string Path, string? Authorization)> Requests => [.. requests];

    public static string RecordingUrl(Uri baseUrl, string recordingSid) => $"{baseUrl.AbsoluteUri.TrimEnd('/')}/2010-04-01/Accounts/{AccountSid}/Recordings/{recordingSid}";

    public static async Task<RecordingServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new RecordingServer(app);
        app.MapGet("/2010-04-01/Accounts/{account}/Recordings/{file}", (HttpContext context, string account, string file) =>
        {
            var authorization = context.Request.Headers.Authorization.ToString();
            server.requests.Enqueue((context.Request.Path.Value!, authorization));
            var expected = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AccountSid}:{AuthToken}"))).ToString();
            if (authorization != expected || account != AccountSid)
            {
                return Results.Unauthorized();
            }

            return file.EndsWith(".mp3", StringComparison.Ordinal) ? Results.Bytes(Audio, "audio/mpeg") : Results.NotFound();
        });
        app.MapFallback(context =>
        {
            server.requests.Enqueue((context.Request.Path.Value!, context.Request.Headers.Authorization.ToString()));
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
        await app.StartAsync();
        server.BaseUrl = new Uri(app.Urls.Single());
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
