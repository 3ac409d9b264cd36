using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace SmbAgent.HttpApi.Tests.Hosting;

/// <summary>
/// Gives each test request the network peer Kestrel would see (the test server leaves it empty, which the forwarded
/// headers middleware treats as trusted): <see cref="HeaderName"/> names it, loopback otherwise.
/// </summary>
public static class PeerAddress
{
    public const string HeaderName = "X-Test-Peer";

    public static void AddTo(IServiceCollection services) => services.AddSingleton<IStartupFilter, Filter>();

    /// <summary>A client whose every request comes from <paramref name="peer"/>.</summary>
    public static HttpClient ClientFrom(this HostFactory<Program> factory, string peer)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add(HeaderName, peer);
        return client;
    }

    /// <summary>A request from <paramref name="peer"/>, optionally claiming to forward for <paramref name="forwardedFor"/>.</summary>
    public static HttpRequestMessage From(this HttpRequestMessage request, string peer, string? forwardedFor = null)
    {
        request.Headers.Add(HeaderName, peer);
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        return request;
    }

    private sealed class Filter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(
                    context.Request.Headers.TryGetValue(HeaderName, out var peer) ? peer.ToString() : "127.0.0.1");
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
