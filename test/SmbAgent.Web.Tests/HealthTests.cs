using System.Net;
using System.Text.Json;

namespace SmbAgent.Web.Tests;

/// <summary><c>/health</c> on the admin host: anonymous JSON with one entry per dependency.</summary>
public sealed class HealthTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    [Fact]
    public async Task Health_reports_the_database_and_redis_healthy_and_lists_the_job_server()
    {
        using var browser = fixture.CreateBrowser();

        var (status, body, mediaType) = await browser.GetPageAsync("/health");

        status.ShouldBe(HttpStatusCode.OK, body);
        mediaType.ShouldBe("application/json");
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        root.GetProperty("status").GetString().ShouldNotBeNullOrEmpty();
        var entries = root.GetProperty("entries");
        entries.GetProperty("database").GetProperty("status").GetString().ShouldBe("Healthy", body);
        entries.GetProperty("redis").GetProperty("status").GetString().ShouldBe("Healthy", body);
        entries.TryGetProperty("jobs", out var jobs).ShouldBeTrue(body);
        jobs.GetProperty("status").GetString().ShouldNotBeNullOrEmpty();
    }
}
