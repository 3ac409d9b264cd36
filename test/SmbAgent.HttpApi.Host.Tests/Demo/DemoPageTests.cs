using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Data;

namespace SmbAgent.HttpApi.Tests.Demo;

/// <summary>The API host with the demo business enabled, under a name of this fixture's own.</summary>
public sealed class DemoEnabledFixture : IAsyncLifetime
{
    public const string DemoName = "Demo & Sons <Plumbing>";

    public ApiFixture Api { get; } = new()
    {
        Overrides =
        {
            ["Seed:DemoTenant:Enabled"] = "true",
            ["Seed:DemoTenant:Name"] = DemoName,
        },
    };

    public Task InitializeAsync() => Api.InitializeAsync();

    public Task DisposeAsync() => Api.DisposeAsync();
}

/// <summary>/demo: a sample site carrying the demo business's widget, found by its name at each request.</summary>
public sealed class DemoPageTests(DemoEnabledFixture demo) : IClassFixture<DemoEnabledFixture>
{
    private ApiFixture Fixture => demo.Api;

    [Fact]
    public async Task The_page_carries_the_demo_business_widget_under_a_policy_allowing_only_the_API()
    {
        using var client = Fixture.Factory.CreateClient();
        var owner = await Fixture.CreateTenantAsync(name: DemoEnabledFixture.DemoName);
        var key = await WidgetKeyAsync(owner.TenantId);

        using var page = await client.GetAsync(new Uri("/demo", UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();

        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        html.ShouldContain($"<script src=\"http://localhost/widget/loader.js\" data-widget-key=\"{key}\" async></script>");
        html.ShouldContain("<h1>Demo &amp; Sons &lt;Plumbing&gt;</h1>");
        html.ShouldNotContain("<Plumbing>");
        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        policy.ShouldStartWith("default-src 'none'; script-src 'self' http://localhost;");
        policy.ShouldContain("style-src 'sha256-");
        policy.ShouldNotContain("unsafe-inline");
    }

    private async Task<string> WidgetKeyAsync(Guid tenantId)
    {
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISmbAgentDbContext>().Tenants.Where(t => t.Id == tenantId).Select(t => t.WidgetKey).SingleAsync();
    }
}
