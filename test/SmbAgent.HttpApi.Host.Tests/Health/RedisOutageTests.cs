using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using SmbAgent.BackgroundJobs;
using SmbAgent.Data;
using SmbAgent.Health;
using SmbAgent.HttpApi.Tests.Hosting;
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
        _fixture = new ApiFixture { Overrides = { ["ConnectionStrings:Redis"] = _redis.ConnectionString }, TestServices = PeerAddress.AddTo };
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
        (await RedisEntryAsync()).ShouldBe("healthy");

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
        downStatus.ShouldBe("degraded");
        downOverall.ShouldBe("degraded");
        downCode.ShouldBe(HttpStatusCode.OK);

        await _redis.StartAgainAsync();

        string? recovered = null;
        for (var attempt = 0; attempt < 100 && recovered != "healthy"; attempt++)
        {
            await Task.Delay(200);
            recovered = await RedisEntryAsync();
        }

        recovered.ShouldBe("healthy");
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

    [Fact]
    public async Task Health_reports_Redis_down_then_back_up_and_host_admins_get_one_alert_and_one_recovery_notice()
    {
        await SetThresholdsAsync(new HealthAlertThresholdsDto(MemoryMb: null, RedisConsecutiveFailures: 2, ActiveSessions: null, FailedJobs: null));
        var up = await RedisFiguresAsync();
        up.GetProperty("connected").GetBoolean().ShouldBeTrue();
        up.GetProperty("consecutiveFailures").GetInt32().ShouldBe(0);
        await EvaluateAlertsAsync();
        AlertMails().ShouldBeEmpty();

        await _redis.StopAsync();
        var down = await RedisFiguresAsync();
        await EvaluateAlertsAsync();
        await EvaluateAlertsAsync();
        await EvaluateAlertsAsync();

        down.GetProperty("connected").GetBoolean().ShouldBeFalse();
        down.GetProperty("consecutiveFailures").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
        down.GetProperty("lastError").GetString().ShouldNotBeNullOrEmpty();
        var alerts = AlertMails();
        alerts.Count.ShouldBe(1, "one email per host admin, once per incident");
        alerts[0].To.Mailboxes.Single().Address.ShouldBe(TestSettings.HostAdminEmail);
        alerts[0].Subject.ShouldBe("[SmbAgent] Alert: Redis failures in a row");
        RecoveryMails().ShouldBeEmpty();

        await _redis.StartAgainAsync();
        JsonElement back = default;
        for (var attempt = 0; attempt < 100; attempt++)
        {
            back = await RedisFiguresAsync();
            if (back.GetProperty("connected").GetBoolean())
            {
                break;
            }

            await Task.Delay(200);
        }

        // A loaded machine can time a ping out right after the restart; the next evaluation sees Redis again.
        for (var attempt = 0; attempt < 50 && RecoveryMails().Count == 0; attempt++)
        {
            await EvaluateAlertsAsync();
        }

        await EvaluateAlertsAsync();

        back.GetProperty("connected").GetBoolean().ShouldBeTrue();
        back.GetProperty("consecutiveFailures").GetInt32().ShouldBe(0);
        back.GetProperty("reconnectAttempts").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
        AlertMails().Count.ShouldBe(1);
        var recoveries = RecoveryMails();
        recoveries.Count.ShouldBe(1, "one recovery notice when the incident clears");
        recoveries[0].Subject.ShouldBe("[SmbAgent] Recovered: Redis failures in a row");
        await using var scope = _fixture.Factory.Services.CreateAsyncScope();
        var incident = (await scope.ServiceProvider.GetRequiredService<HealthAlertAppService>().GetIncidentsAsync()).ShouldHaveSingleItem();
        incident.Kind.ShouldBe(HealthIncidentKinds.Redis);
        incident.ClosedTime.ShouldNotBeNull();
        incident.AlertSentTime.ShouldNotBeNull();
        incident.RecoverySentTime.ShouldNotBeNull();
    }

    private async Task SetThresholdsAsync(HealthAlertThresholdsDto thresholds)
    {
        await using var scope = _fixture.Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<HealthAlertAppService>().SetThresholdsAsync(thresholds);
    }

    /// <summary>One evaluation, as the recurring job runs it: for the host, in a fresh scope.</summary>
    private async Task EvaluateAlertsAsync()
    {
        await using var scope = _fixture.Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TenantJobRunner>().RunAsync(null, new EvaluateHealthAlertsArgs(), CancellationToken.None);
    }

    private List<MimeMessage> AlertMails() => Mails("[SmbAgent] Alert:");

    private List<MimeMessage> RecoveryMails() => Mails("[SmbAgent] Recovered:");

    private List<MimeMessage> Mails(string subjectStart)
    {
        var directory = _fixture.Factory.Database.MailDirectory;
        return !Directory.Exists(directory)
            ? []
            : [.. Directory.GetFiles(directory, "*.eml").Select(f => MimeMessage.Load(f)).Where(m => m.Subject?.StartsWith(subjectStart, StringComparison.Ordinal) == true)];
    }

    private async Task<JsonElement> RedisFiguresAsync()
    {
        var response = await _fixture.Factory.CreateClient().GetAsync(new Uri("/health", UriKind.Relative));
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("redis").Clone();
    }

    private async Task<string?> RedisEntryAsync() => (await HealthAsync()).Redis;

    private async Task<(string Redis, string Overall, HttpStatusCode Code)> HealthAsync()
    {
        var response = await _fixture.Factory.CreateClient().GetAsync(new Uri("/health", UriKind.Relative));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return (body.GetProperty("checks").GetProperty("redis").GetProperty("status").GetString()!, body.GetProperty("status").GetString()!, response.StatusCode);
    }

    private async Task<string?> FindInRedisAsync(string keyPart)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(_redis.ConnectionString);
        var server = connection.GetServer(connection.GetEndPoints()[0]);
        return server.Keys(pattern: $"*{keyPart}*").Select(k => k.ToString()).FirstOrDefault();
    }
}
