using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SmbAgent.TestKit.Stubs;

/// <summary>
/// A Kestrel receiver on 127.0.0.1 for outbound webhooks: records every POST to <c>/hooks/{key}</c> with its headers
/// and body, and answers each key with the status codes queued for it (200 once they run out).
/// </summary>
public sealed class WebhookReceiverServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<int>> answers = new();
    private readonly ConcurrentQueue<ReceivedWebhook> received = new();

    private WebhookReceiverServer(WebApplication app, Uri baseAddress)
    {
        this.app = app;
        BaseAddress = baseAddress;
    }

    public sealed record ReceivedWebhook(string Key, IReadOnlyDictionary<string, string> Headers, string Body, int AnsweredWith);

    public Uri BaseAddress { get; }

    /// <summary>A fresh endpoint of its own, so tests sharing the server don't see each other's deliveries.</summary>
    public (string Key, Uri Url) NewEndpoint()
    {
        var key = Guid.NewGuid().ToString("N");
        return (key, new Uri(BaseAddress, $"/hooks/{key}"));
    }

    public void AnswerNext(string key, params int[] statusCodes)
    {
        var queue = answers.GetOrAdd(key, _ => new ConcurrentQueue<int>());
        foreach (var status in statusCodes)
        {
            queue.Enqueue(status);
        }
    }

    public IReadOnlyList<ReceivedWebhook> ReceivedBy(string key) => [.. received.Where(r => r.Key == key)];

    public static async Task<WebhookReceiverServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        WebhookReceiverServer? server = null;
        app.MapPost("/hooks/{key}", async (string key, HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            var status = server!.answers.TryGetValue(key, out var queue) && queue.TryDequeue(out var next) ? next : 200;
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            server.received.Enqueue(new ReceivedWebhook(key, headers, body, status));
            return Results.StatusCode(status);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new WebhookReceiverServer(app, new Uri(address));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
