using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SmbAgent.Web.Tests.Host;

namespace SmbAgent.Web.Tests;

/// <summary>
/// <c>/health</c> on the admin host: the bare status for anyone (the test server's requests carry no peer address, as
/// a remote caller's would not be loopback), every figure for a signed-in host admin; alert thresholds for host admins only.
/// </summary>
public sealed class HealthTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    [Fact]
    public async Task An_anonymous_caller_gets_only_the_status()
    {
        using var browser = fixture.CreateBrowser();

        var (status, body, mediaType) = await browser.GetPageAsync("/health");

        status.ShouldBe(HttpStatusCode.OK, body);
        mediaType.ShouldBe("application/json");
        using var json = JsonDocument.Parse(body);
        json.RootElement.EnumerateObject().Select(p => p.Name).ShouldBe(["status"]);
        json.RootElement.GetProperty("status").GetString().ShouldBeOneOf("healthy", "degraded");
    }

    [Fact]
    public async Task A_signed_in_host_admin_gets_every_figure_and_a_business_owner_only_the_status()
    {
        using var admin = fixture.CreateBrowser();
        await admin.SignInAsHostAdminAsync();
        using var owner = fixture.CreateBrowser();
        await owner.SignInAsync(await fixture.CreateTenantAsync());

        var adminPage = await admin.GetPageAsync("/health");
        var ownerPage = await owner.GetPageAsync("/health");

        adminPage.Status.ShouldBe(HttpStatusCode.OK, adminPage.Html);
        using var details = JsonDocument.Parse(adminPage.Html);
        var root = details.RootElement;
        root.GetProperty("checks").GetProperty("database").GetProperty("status").GetString().ShouldBe("healthy", adminPage.Html);
        root.GetProperty("checks").GetProperty("redis").GetProperty("status").GetString().ShouldBe("healthy", adminPage.Html);
        root.GetProperty("redis").GetProperty("connected").GetBoolean().ShouldBeTrue();
        root.GetProperty("memory").GetProperty("rssMb").GetDouble().ShouldBeGreaterThan(0);
        root.GetProperty("environment").GetProperty("name").GetString().ShouldBe("Testing");
        using var bare = JsonDocument.Parse(ownerPage.Html);
        bare.RootElement.EnumerateObject().Select(p => p.Name).ShouldBe(["status"]);
    }

    [Fact]
    public async Task A_host_admin_sets_alert_thresholds_as_json_and_bad_ones_are_a_problem()
    {
        using var admin = fixture.CreateBrowser();
        await admin.SignInAsHostAdminAsync();

        var saved = await admin.Client.PostAsJsonAsync("/health/alerts", new { memoryMb = 2048, redisConsecutiveFailures = 3, activeSessions = 500, failedJobs = 10 });
        var invalid = await admin.Client.PostAsJsonAsync("/health/alerts", new { memoryMb = 1, redisConsecutiveFailures = 0 });
        var read = await admin.Client.GetFromJsonAsync<JsonElement>("/health/alerts");

        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        invalid.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.TryGetProperty("memoryMb", out _).ShouldBeTrue();
        errors.TryGetProperty("redisConsecutiveFailures", out _).ShouldBeTrue();
        read.GetProperty("memoryMb").GetInt32().ShouldBe(2048);
        read.GetProperty("redisConsecutiveFailures").GetInt32().ShouldBe(3);
        read.GetProperty("activeSessions").GetInt32().ShouldBe(500);
        read.GetProperty("failedJobs").GetInt32().ShouldBe(10);
    }

    [Fact]
    public async Task Only_host_admins_may_set_alert_thresholds()
    {
        using var anonymous = fixture.CreateBrowser();
        using var owner = fixture.CreateBrowser();
        await owner.SignInAsync(await fixture.CreateTenantAsync());

        var fromAnonymous = await anonymous.Client.PostAsJsonAsync("/health/alerts", new { memoryMb = 64 });
        var fromOwner = await owner.Client.PostAsJsonAsync("/health/alerts", new { memoryMb = 64 });

        // A JSON endpoint: the cookie handler answers 401 instead of sending a script to the login page.
        fromAnonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        fromOwner.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_host_health_page_shows_the_figures_and_saves_thresholds_with_friendly_errors()
    {
        using var admin = fixture.CreateBrowser();
        await admin.SignInAsHostAdminAsync();

        var page = await admin.GetPageAsync("/Host/Health");
        var invalid = await admin.PostFormAsync("/Host/Health", "/Host/Health", new Dictionary<string, string>
        {
            ["Thresholds.MemoryMb"] = "1",
            ["Thresholds.RedisConsecutiveFailures"] = "",
            ["Thresholds.ActiveSessions"] = "",
            ["Thresholds.FailedJobs"] = "",
        });
        var location = await admin.PostAndRedirectAsync("/Host/Health", "/Host/Health", new Dictionary<string, string>
        {
            ["Thresholds.MemoryMb"] = "4096",
            ["Thresholds.RedisConsecutiveFailures"] = "5",
            ["Thresholds.ActiveSessions"] = "",
            ["Thresholds.FailedJobs"] = "",
        });
        var after = HostConsole.Parse((await admin.GetPageAsync("/Host/Health")).Html);

        page.Status.ShouldBe(HttpStatusCode.OK, page.Html);
        var document = HostConsole.Parse(page.Html);
        document.QuerySelector("#overall-status").ShouldNotBeNull();
        document.QuerySelector("#health-memory")!.TextContent.ShouldContain("MB");
        document.QuerySelector("#health-redis")!.TextContent.ShouldContain("yes");
        document.QuerySelectorAll("#health-providers tbody tr").Length.ShouldBe(3);
        document.QuerySelectorAll("#health-turns tbody tr").Select(r => r.QuerySelector("th")!.TextContent).ShouldBe(["Retrieval", "Model", "Speech"]);
        document.QuerySelector("#health-incidents")!.TextContent.ShouldContain("No incidents yet.");
        document.QuerySelector("a[href='/Host/Health']").ShouldNotBeNull("the menu links the page");
        (await invalid.Content.ReadAsStringAsync()).ShouldContain("Memory must be between 16 MB and 1 TB, or empty.");
        location.ShouldBe("/Host/Health");
        after.QuerySelector("#Thresholds_MemoryMb")!.GetAttribute("value").ShouldBe("4096");
        after.QuerySelector("#Thresholds_RedisConsecutiveFailures")!.GetAttribute("value").ShouldBe("5");
        after.QuerySelector("#Thresholds_ActiveSessions")!.GetAttribute("value").ShouldBe(string.Empty);
    }

    [Fact]
    public async Task A_business_owner_cannot_open_the_host_health_page()
    {
        using var owner = fixture.CreateBrowser();
        await owner.SignInAsync(await fixture.CreateTenantAsync());

        (await owner.GetAsync("/Host/Health")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
