using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SmbAgent.HttpApi.Tests.Observability;

/// <summary>A collector's OTLP/HTTP endpoint on loopback that keeps each export's path and its protobuf body.</summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<(string Path, byte[] Body)> exports = new();
    private WebApplication app = null!;

    public Uri Endpoint { get; private set; } = null!;

    public static async Task<OtlpReceiver> StartAsync()
    {
        var receiver = new OtlpReceiver();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        receiver.app = builder.Build();
        receiver.app.MapPost("/v1/{signal}", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            receiver.exports.Enqueue((context.Request.Path, body.ToArray()));
            return Results.Ok();
        });
        await receiver.app.StartAsync();
        receiver.Endpoint = new Uri($"{receiver.app.Urls.Single()}/");
        return receiver;
    }

    /// <summary>Waits until an export to <paramref name="path"/> holds <paramref name="text"/> (protobuf keeps strings as UTF-8).</summary>
    public async Task<bool> ReceivedAsync(string path, string text, TimeSpan within)
    {
        var needle = Encoding.UTF8.GetBytes(text);
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            if (exports.Any(e => e.Path == path && e.Body.AsSpan().IndexOf(needle) >= 0))
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
