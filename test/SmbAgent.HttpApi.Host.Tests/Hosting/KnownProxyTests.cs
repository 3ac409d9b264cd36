using System.Net;
using System.Net.Http.Json;
using SmbAgent.HttpApi.Tests.Conversations;

namespace SmbAgent.HttpApi.Tests.Hosting;

/// <summary>Forwarded addresses count only from the configured proxies and proxy networks.</summary>
public sealed class KnownProxyTests(BehindKnownProxyFixture fixture) : IClassFixture<BehindKnownProxyFixture>
{
    private ApiFixture Api => fixture.Api;

    [Theory]
    [InlineData(BehindKnownProxyFixture.Proxy, "192.0.2.")]
    [InlineData("10.20.3.4", "198.51.100.")]
    public async Task From_a_known_proxy_each_forwarded_address_has_its_own_bucket(string proxy, string visitorNetwork)
    {
        var statuses = await StartsAsync(proxy, [$"{visitorNetwork}1", $"{visitorNetwork}2", $"{visitorNetwork}3", $"{visitorNetwork}1", $"{visitorNetwork}1"]);

        statuses.ShouldBe([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests]);
    }

    [Fact]
    public async Task From_a_peer_that_is_no_configured_proxy_the_forwarded_address_is_ignored()
    {
        var statuses = await StartsAsync("127.0.0.1", ["192.0.2.201", "192.0.2.202", "192.0.2.203"]);

        statuses.ShouldBe([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests]);
    }

    private async Task<List<HttpStatusCode>> StartsAsync(string peer, string[] forwardedFor)
    {
        var business = await ChatBusinesses.CreateAsync(Api);
        var client = Api.Factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        foreach (var visitor in forwardedFor)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/widget/{business.WidgetKey}/conversations") { Content = JsonContent.Create(new { }) };
            statuses.Add((await client.SendAsync(request.From(peer, visitor))).StatusCode);
        }

        return statuses;
    }
}
