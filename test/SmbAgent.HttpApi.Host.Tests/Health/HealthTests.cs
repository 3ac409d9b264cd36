using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using SmbAgent.Data;
using SmbAgent.Health;
using SmbAgent.HttpApi.Tests.Conversations;
using SmbAgent.HttpApi.Tests.Hosting;

namespace SmbAgent.HttpApi.Tests.Health;

/// <summary>The API host's <c>/health</c>: every figure for loopback and host admins, the bare status for anyone else.</summary>
public sealed class HealthTests(LoopbackApiFixture loopback) : IClassFixture<LoopbackApiFixture>
{
    private readonly ApiFixture _fixture = loopback.Api;

    [Fact]
    public async Task A_loopback_caller_gets_every_figure_once_the_job_server_is_up()
    {
        var client = _fixture.Factory.CreateClient();
        var (status, body) = await PollHealthyAsync(client);

        status.ShouldBe(HttpStatusCode.OK);
        body.GetProperty("status").GetString().ShouldBe("healthy");
        var checks = body.GetProperty("checks");
        checks.GetProperty("database").GetProperty("status").GetString().ShouldBe("healthy");
        checks.GetProperty("redis").GetProperty("status").GetString().ShouldBe("healthy");
        checks.GetProperty("jobs").GetProperty("status").GetString().ShouldBe("healthy");
        var memory = body.GetProperty("memory");
        memory.GetProperty("rssMb").GetDouble().ShouldBeGreaterThan(0);
        memory.GetProperty("heapUsedMb").GetDouble().ShouldBeGreaterThan(0);
        memory.GetProperty("heapPercent").GetDouble().ShouldBeInRange(0, 100);
        memory.GetProperty("gen0Collections").GetInt32().ShouldBeGreaterThanOrEqualTo(0);
        var redis = body.GetProperty("redis");
        redis.GetProperty("connected").GetBoolean().ShouldBeTrue();
        redis.GetProperty("consecutiveFailures").GetInt32().ShouldBe(0);
        var sessions = body.GetProperty("sessions");
        sessions.GetProperty("activeChat").GetInt32().ShouldBeGreaterThanOrEqualTo(0);
        sessions.GetProperty("activeVoice").GetInt32().ShouldBeGreaterThanOrEqualTo(0);
        sessions.GetProperty("heldInFallback").GetInt32().ShouldBe(0);
        body.GetProperty("database").GetProperty("status").GetString().ShouldBe("healthy");
        var jobs = body.GetProperty("jobs");
        jobs.GetProperty("failed").GetInt64().ShouldBeGreaterThanOrEqualTo(0);
        jobs.GetProperty("enqueued").GetInt64().ShouldBeGreaterThanOrEqualTo(0);
        jobs.GetProperty("processing").GetInt64().ShouldBeGreaterThanOrEqualTo(0);
        var providers = body.GetProperty("providers");
        foreach (var provider in new[] { "openAI", "twilio", "smtp" })
        {
            providers.TryGetProperty(provider, out _).ShouldBeTrue(provider);
        }

        var environment = body.GetProperty("environment");
        environment.GetProperty("name").GetString().ShouldBe("Testing");
        environment.GetProperty("version").GetString().ShouldNotBeNullOrEmpty();
        environment.GetProperty("providersConfigured").GetProperty("openAI").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task A_turn_answered_from_knowledge_shows_in_the_turn_time_split()
    {
        var business = await ChatBusinesses.CreateAsync(_fixture);
        var before = (await GetAsync(_fixture.Factory.CreateClient(), "/health")).Body.GetProperty("turns");
        var chat = new ChatClient(_fixture.Factory.CreateClient(), business.WidgetKey);
        await chat.StartAsync();
        (await chat.SayAsync("When are you open on Saturday?")).ShouldContain("Saturdays");

        var turns = (await GetAsync(_fixture.Factory.CreateClient(), "/health")).Body.GetProperty("turns");

        turns.GetProperty("turns").GetInt32().ShouldBe(before.GetProperty("turns").GetInt32() + 1);
        var retrieval = turns.GetProperty("retrieval");
        retrieval.GetProperty("turns").GetInt32().ShouldBe(before.GetProperty("retrieval").GetProperty("turns").GetInt32() + 1);
        retrieval.GetProperty("p50Ms").GetInt32().ShouldBeGreaterThan(0);
        turns.GetProperty("model").GetProperty("p95Ms").GetInt32().ShouldBeGreaterThan(0);
        turns.GetProperty("windowMinutes").GetInt32().ShouldBe(60);
    }

    [Fact]
    public async Task A_chat_started_counts_as_an_active_chat_session()
    {
        var before = (await GetAsync(_fixture.Factory.CreateClient(), "/health")).Body.GetProperty("sessions");
        var owner = await _fixture.CreateTenantAsync();
        string widgetKey;
        await using (var scope = _fixture.Factory.Services.CreateAsyncScope())
        {
            widgetKey = await scope.ServiceProvider.GetRequiredService<ISmbAgentDbContext>().Tenants
                .Where(t => t.Id == owner.TenantId).Select(t => t.WidgetKey).SingleAsync();
        }

        var chat = new ChatClient(_fixture.Factory.CreateClient(), widgetKey);
        await chat.StartAsync();
        await chat.SayAsync("Hello");

        var after = (await GetAsync(_fixture.Factory.CreateClient(), "/health")).Body.GetProperty("sessions");

        after.GetProperty("activeChat").GetInt32().ShouldBe(before.GetProperty("activeChat").GetInt32() + 1);
        after.GetProperty("activeVoice").GetInt32().ShouldBe(before.GetProperty("activeVoice").GetInt32());
    }

    [Theory]
    [InlineData("203.0.113.9")]
    [InlineData("10.0.0.5")]
    public async Task A_remote_anonymous_caller_gets_only_the_status(string peer)
    {
        await PollHealthyAsync(_fixture.Factory.CreateClient());

        var (status, body) = await GetAsync(_fixture.Factory.ClientFrom(peer), "/health?logMemory=true");

        status.ShouldBe(HttpStatusCode.OK);
        body.EnumerateObject().Select(p => p.Name).ShouldBe(["status"]);
        body.GetProperty("status").GetString().ShouldBe("healthy");
    }

    [Fact]
    public async Task A_caller_with_no_peer_address_is_not_taken_for_a_local_one()
    {
        // No IStartupFilter here: the test server leaves the peer address empty, as a Unix socket would.
        var plain = new ApiFixture();
        await plain.InitializeAsync();
        try
        {
            var (_, body) = await GetAsync(plain.Factory.CreateClient(), "/health");

            body.EnumerateObject().Select(p => p.Name).ShouldBe(["status"]);
        }
        finally
        {
            await plain.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_host_admin_from_afar_gets_details_and_a_business_owner_does_not()
    {
        var admin = await _fixture.HostAdminClientAsync();
        admin.DefaultRequestHeaders.Add(PeerAddress.HeaderName, "203.0.113.10");
        var owner = await _fixture.ClientForAsync(await _fixture.CreateTenantAsync());
        owner.DefaultRequestHeaders.Add(PeerAddress.HeaderName, "203.0.113.11");

        var (_, adminBody) = await GetAsync(admin, "/health");
        var (_, ownerBody) = await GetAsync(owner, "/health");

        adminBody.TryGetProperty("memory", out _).ShouldBeTrue();
        ownerBody.EnumerateObject().Select(p => p.Name).ShouldBe(["status"]);
    }

    [Fact]
    public async Task Live_always_answers_and_ready_checks_the_database_and_redis()
    {
        var remote = _fixture.Factory.ClientFrom("203.0.113.12");

        var (liveStatus, live) = await GetAsync(remote, "/health/live");
        var (readyStatus, ready) = await GetAsync(remote, "/health/ready");

        liveStatus.ShouldBe(HttpStatusCode.OK);
        live.GetProperty("status").GetString().ShouldBe("healthy");
        readyStatus.ShouldBe(HttpStatusCode.OK);
        ready.GetProperty("status").GetString().ShouldBe("healthy");
    }

    [Fact]
    public async Task Ready_answers_503_when_the_database_is_gone()
    {
        var doomed = new ApiFixture { TestServices = PeerAddress.AddTo };
        await doomed.InitializeAsync();
        try
        {
            var client = doomed.Factory.CreateClient();
            (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);

            await doomed.Factory.Database.DisposeAsync();

            var (status, body) = await GetAsync(client, "/health/ready");
            var (healthStatus, health) = await GetAsync(client, "/health");
            status.ShouldBe(HttpStatusCode.ServiceUnavailable);
            body.GetProperty("status").GetString().ShouldBe("unhealthy");
            healthStatus.ShouldBe(HttpStatusCode.ServiceUnavailable);
            health.GetProperty("database").GetProperty("status").GetString().ShouldBe("unhealthy");
            health.GetProperty("sessions").GetProperty("activeChat").ValueKind.ShouldBe(JsonValueKind.Null);
            (await GetAsync(client, "/health/live")).Status.ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            await doomed.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_alert_evaluation_is_a_recurring_host_job()
    {
        var storage = _fixture.Factory.Services.GetRequiredService<Hangfire.JobStorage>();
        Hangfire.Storage.RecurringJobDto? job = null;
        for (var attempt = 0; attempt < 100 && job is null; attempt++)
        {
            using (var connection = storage.GetConnection())
            {
                job = connection.GetRecurringJobs().SingleOrDefault(j => j.Id == HealthAlertSchedule.RecurringJobId);
            }

            if (job is null)
            {
                await Task.Delay(100);
            }
        }

        job.ShouldNotBeNull();
        job.Cron.ShouldBe(new HealthOptions().AlertSchedule);
        job.Job.Args[0].ShouldBeNull("it runs for the host");
        job.Job.Args[1].ShouldBeOfType<EvaluateHealthAlertsArgs>();
    }

    internal static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    /// <summary>The job server's first heartbeat lands shortly after start.</summary>
    internal static async Task<(HttpStatusCode Status, JsonElement Body)> PollHealthyAsync(HttpClient client)
    {
        var result = await GetAsync(client, "/health");
        for (var attempt = 0; attempt < 50 && result.Body.GetProperty("status").GetString() != "healthy"; attempt++)
        {
            await Task.Delay(200);
            result = await GetAsync(client, "/health");
        }

        return result;
    }
}

/// <summary>An API host whose test requests come from loopback unless they name another peer (<see cref="PeerAddress"/>).</summary>
public sealed class LoopbackApiFixture : IAsyncLifetime
{
    public ApiFixture Api { get; } = new() { TestServices = PeerAddress.AddTo };

    public Task InitializeAsync() => Api.InitializeAsync();

    public Task DisposeAsync() => Api.DisposeAsync();
}
