using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Data;
using SmbAgent.Tenancy;

namespace SmbAgent.HttpApi.Tests.Conversations;

/// <summary>A widget route's business is the one its key names: a bearer token on it changes nothing, a conversation token works only under its own business's key.</summary>
public sealed class WidgetKeyTenancyTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task A_bearer_token_of_another_business_starts_the_conversation_in_the_keys_business()
    {
        var a = await fixture.CreateTenantAsync();
        var b = await fixture.CreateTenantAsync();
        var bearerOfA = await fixture.ClientForAsync(a);

        var started = await bearerOfA.PostAsJsonAsync($"/api/widget/{await WidgetKeyOfAsync(b)}/conversations", new { });

        started.StatusCode.ShouldBe(HttpStatusCode.Created);
        var token = (await started.Content.ReadFromJsonAsync<Started>())!.Token;
        var anonymous = fixture.Factory.CreateClient();
        (await TranscriptAsync(anonymous, await WidgetKeyOfAsync(b), token)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await TranscriptAsync(anonymous, await WidgetKeyOfAsync(a), token)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_bearer_token_does_not_take_a_conversation_token_to_the_bearers_business()
    {
        var a = await fixture.CreateTenantAsync();
        var b = await fixture.CreateTenantAsync();
        var inA = new ChatClient(fixture.Factory.CreateClient(), await WidgetKeyOfAsync(a));
        var inB = new ChatClient(fixture.Factory.CreateClient(), await WidgetKeyOfAsync(b));
        await inA.StartAsync();
        await inB.StartAsync();
        var bearerOfB = await fixture.ClientForAsync(b);

        var bsTranscriptOnAsKey = await TranscriptAsync(bearerOfB, await WidgetKeyOfAsync(a), inB.Token);
        var asTranscriptOnAsKey = await TranscriptAsync(bearerOfB, await WidgetKeyOfAsync(a), inA.Token);

        bsTranscriptOnAsKey.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        bsTranscriptOnAsKey.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        asTranscriptOnAsKey.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_conversation_token_is_refused_under_another_business_key()
    {
        var a = await fixture.CreateTenantAsync();
        var b = await fixture.CreateTenantAsync();
        var inA = new ChatClient(fixture.Factory.CreateClient(), await WidgetKeyOfAsync(a));
        await inA.StartAsync();
        var onBsKey = new ChatClient(fixture.Factory.CreateClient(), await WidgetKeyOfAsync(b));

        var transcript = await TranscriptAsync(fixture.Factory.CreateClient(), await WidgetKeyOfAsync(b), inA.Token);
        var message = await onBsKey.PostAsync(new { text = "What are your opening hours?", idempotencyKey = Guid.NewGuid().ToString("N") }, inA.Token);

        transcript.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        transcript.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        message.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        message.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    private static async Task<HttpResponseMessage> TranscriptAsync(HttpClient client, string widgetKey, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/widget/{widgetKey}/conversations/current");
        request.Headers.Add("X-Conversation-Token", token);
        return await client.SendAsync(request);
    }

    private async Task<string> WidgetKeyOfAsync(TenantOwner owner)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        using var tenant = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(owner.TenantId);
        return await scope.ServiceProvider.GetRequiredService<ISmbAgentDbContext>().Tenants
            .Where(t => t.Id == owner.TenantId).Select(t => t.WidgetKey).SingleAsync();
    }

    private sealed record Started(string Token);
}
