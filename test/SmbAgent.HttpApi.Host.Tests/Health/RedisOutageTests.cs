using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Data;
using SmbAgent.Features;
using SmbAgent.HttpApi.Tests.Conversations;
using SmbAgent.TestKit;
using StackExchange.Redis;

namespace SmbAgent.HttpApi.Tests.Health;

/// <summary>A host on a private Redis that the test stops and restarts: the app keeps working in memory and recovers.</summary>
public sealed class RedisOutageTests : IAsyncLifetime
{
    private RedisServer _redis = null!;
    private ApiFixture _fixture = null!;

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        _fixture = new ApiFixture { Overrides = { ["ConnectionStrings:Redis"] = _redis.ConnectionString } };
        await _fixture.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _fixture.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task A_chat_conversation_goes_on_when_Redis_stops_in_the_middle()
    {
        var owner = await _fixture.CreateTenantAsync(EditionMatrix.Free);
        string widgetKey;
        await using (var scope = _fixture.Factory.Services.CreateAsyncScope())
        {
            widgetKey = await scope.ServiceProvider.GetRequiredService<ISmbAgentDbContext>().Tenants
                .Where(t => t.Id == owner.TenantId).Select(t => t.WidgetKey).SingleAsync();
        }

        var chat = new ChatClient(_fixture.Factory.CreateClient(), widgetKey);
        await chat.StartAsync();
        (await chat.SayAsync("I'd like a quote please")).ShouldEndWith("What's your name?");

        await _redis.StopAsync();
        (await chat.SayAsync("Sam Carter")).ShouldBe("What's the best phone number to reach you?");
        (await chat.SayAsync("415 555 0111")).ShouldBe("What's your email address?");
        await _redis.StartAgainAsync();
        (await chat.SayAsync("sam@example.com")).ShouldBe("How can we help?");
        (await chat.SayAsync("A new boiler")).ShouldContain("Thank you");

        var transcript = await chat.TranscriptAsync();
        transcript.GetProperty("state").GetString().ShouldBe("Completed");
        transcript.GetProperty("messages").GetArrayLength().ShouldBe(12);
    }

    [Fact]
    public async Task Redis_stopped_mid_test_degrades_to_memory_and_recovers_when_it_returns()
    {
        var owner = await _fixture.CreateTenantAsync(EditionMatrix.Free);
        var client = await _fixture.ClientForAsync(owner);
        (await client.GetAsync(new Uri("/api/app/features", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await RedisEntryAsync()).ShouldBe("Healthy");

        await _redis.StopAsync();

        var cache = _fixture.Factory.Services.GetRequiredService<HybridCache>();
        var key = $"outage-{Guid.NewGuid():N}";
        await cache.SetAsync(key, "written while Redis is down");
        var read = await cache.GetOrCreateAsync(key, _ => ValueTask.FromResult("factory ran: entry lost"));
        var features = await client.GetAsync(new Uri("/api/app/features", UriKind.Relative));
        var question = await client.PostAsJsonAsync("/api/app/lead-questions", new { text = "Still working?", mapsTo = 5 });
        var (downStatus, downOverall, downCode) = await HealthAsync();

        read.ShouldBe("written while Redis is down");
        features.StatusCode.ShouldBe(HttpStatusCode.OK);
        question.StatusCode.ShouldBe(HttpStatusCode.Created);
        downStatus.ShouldBe("Degraded");
        downOverall.ShouldBe("Degraded");
        downCode.ShouldBe(HttpStatusCode.OK);

        await _redis.StartAgainAsync();

        string? recovered = null;
        for (var attempt = 0; attempt < 100 && recovered != "Healthy"; attempt++)
        {
            await Task.Delay(200);
            recovered = await RedisEntryAsync();
        }

        recovered.ShouldBe("Healthy");
        var afterKey = $"after-{Guid.NewGuid():N}";
        string? stored = null;
        for (var attempt = 0; attempt < 50 && stored is null; attempt++)
        {
            // The cache skips Redis for a few seconds after a failure, then writes through again.
            await cache.SetAsync(afterKey + attempt, "back in Redis");
            await Task.Delay(200);
            stored = await FindInRedisAsync(afterKey + attempt);
        }

        stored.ShouldNotBeNull();
    }

    private async Task<string?> RedisEntryAsync() => (await HealthAsync()).Redis;

    private async Task<(string Redis, string Overall, HttpStatusCode Code)> HealthAsync()
    {
        var response = await _fixture.Factory.CreateClient().GetAsync(new Uri("/health", UriKind.Relative));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return (body.GetProperty("entries").GetProperty("redis").GetProperty("status").GetString()!, body.GetProperty("status").GetString()!, response.StatusCode);
    }

    private async Task<string?> FindInRedisAsync(string keyPart)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(_redis.ConnectionString);
        var server = connection.GetServer(connection.GetEndPoints()[0]);
        return server.Keys(pattern: $"*{keyPart}*").Select(k => k.ToString()).FirstOrDefault();
    }
}
