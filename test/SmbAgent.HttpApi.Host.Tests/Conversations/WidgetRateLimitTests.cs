using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SmbAgent.HttpApi.Tests.Hosting;

namespace SmbAgent.HttpApi.Tests.Conversations;

/// <summary>
/// The widget's limits with no proxy configured: a forwarded address from the peer is not believed, a busy business
/// turns new conversations away for a minute while open ones go on, and every message request counts.
/// </summary>
public sealed class WidgetRateLimitTests(LowWidgetLimitsFixture fixture) : IClassFixture<LowWidgetLimitsFixture>
{
    private ApiFixture Api => fixture.Api;

    [Fact]
    public async Task From_loopback_a_fake_forwarded_address_does_not_get_a_fresh_bucket()
    {
        var business = await ChatBusinesses.CreateAsync(Api);
        var client = Api.Factory.CreateClient();

        var statuses = new List<HttpStatusCode>();
        foreach (var fake in new[] { "192.0.2.1", "192.0.2.2", "192.0.2.3" })
        {
            statuses.Add((await client.SendAsync(Start(business).From("127.0.0.1", forwardedFor: fake))).StatusCode);
        }

        statuses.ShouldBe([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests]);
    }

    [Fact]
    public async Task Past_the_business_limit_new_conversations_get_a_friendly_retry_while_open_ones_go_on()
    {
        var business = await ChatBusinesses.CreateAsync(Api);
        var open = new ChatClient(Api.Factory.ClientFrom("198.51.100.1"), business.WidgetKey);
        await open.StartAsync();
        await new ChatClient(Api.Factory.ClientFrom("198.51.100.2"), business.WidgetKey).StartAsync();
        await new ChatClient(Api.Factory.ClientFrom("198.51.100.3"), business.WidgetKey).StartAsync();

        var refused = await Api.Factory.ClientFrom("198.51.100.4").SendAsync(Start(business));

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        refused.Headers.RetryAfter!.Delta!.Value.ShouldBeInRange(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        (await DetailAsync(refused)).ShouldContain("try again in a minute");
        (await open.SayAsync("What are your opening hours?")).ShouldContain("8 am");
    }

    [Fact]
    public async Task Message_requests_that_fail_count_toward_the_conversations_limit()
    {
        var business = await ChatBusinesses.CreateAsync(Api);
        var chat = new ChatClient(Api.Factory.ClientFrom("198.51.100.20"), business.WidgetKey);
        var other = new ChatClient(Api.Factory.ClientFrom("198.51.100.21"), business.WidgetKey);
        await chat.StartAsync();
        await other.StartAsync();

        for (var i = 0; i < 3; i++)
        {
            (await chat.PostAsync(new { text = " ", idempotencyKey = Guid.NewGuid().ToString("N") })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }

        var refused = await chat.PostAsync(new { text = "What are your opening hours?", idempotencyKey = Guid.NewGuid().ToString("N") });

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        refused.Headers.RetryAfter!.Delta!.Value.ShouldBeInRange(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        (await other.SayAsync("What are your opening hours?")).ShouldContain("8 am");
    }

    private static HttpRequestMessage Start(ChatBusiness business) =>
        new(HttpMethod.Post, $"/api/widget/{business.WidgetKey}/conversations") { Content = JsonContent.Create(new { }) };

    private static async Task<string> DetailAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;
}
