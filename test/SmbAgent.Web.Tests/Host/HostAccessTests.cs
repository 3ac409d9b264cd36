using System.Net;
using SmbAgent.Features;

namespace SmbAgent.Web.Tests.Host;

/// <summary>The host console and the jobs dashboard are for platform admins only.</summary>
public sealed class HostAccessTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    public static TheoryData<string> HostPages => new()
    {
        "/Host/Tenants",
        "/Host/Tenants/Create",
        "/Host/Tenants/Edit/{tenant}",
        "/Host/Editions",
        "/Host/Editions/Create",
        "/Host/Editions/Edit/{edition}",
        "/Host/AuditLog",
        "/Host/Settings",
        "/hangfire",
        "/hangfire/jobs/enqueued",
    };

    [Theory]
    [MemberData(nameof(HostPages))]
    public async Task A_tenant_owner_gets_403(string path)
    {
        var owner = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);

        using var response = await browser.GetAsync(await ResolveAsync(path, owner.TenantId));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory]
    [MemberData(nameof(HostPages))]
    public async Task An_anonymous_visitor_is_sent_to_login(string path)
    {
        var owner = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();

        using var response = await browser.GetAsync(await ResolveAsync(path, owner.TenantId));

        Browser.RedirectsToLogin(response).ShouldBeTrue(response.StatusCode.ToString());
    }

    [Theory]
    [MemberData(nameof(HostPages))]
    public async Task The_platform_admin_is_served(string path)
    {
        var owner = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsHostAdminAsync();

        var page = await browser.GetPageAsync(await ResolveAsync(path, owner.TenantId));

        page.Status.ShouldBe(HttpStatusCode.OK, page.Html);
    }

    [Fact]
    public async Task A_tenant_owner_cannot_post_to_host_handlers()
    {
        var owner = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);

        using var deactivate = await browser.PostFormAsync("/", $"/Host/Tenants/Edit/{owner.TenantId}?handler=Deactivate", new Dictionary<string, string>());
        using var impersonate = await browser.PostFormAsync("/", "/Host/Impersonation", new Dictionary<string, string> { ["tenantId"] = owner.TenantId.ToString() });

        deactivate.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        impersonate.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await fixture.Factory.TenantAsync(owner.TenantId)).IsActive.ShouldBeTrue();
    }

    [Fact]
    public async Task A_tenant_owner_who_is_not_impersonated_gets_403_from_stop_and_stays_signed_in_as_themselves()
    {
        var owner = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);

        using var stop = await browser.PostFormAsync("/", "/Host/Impersonation?handler=Stop", new Dictionary<string, string>());

        stop.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        Browser.SetsAuthCookie(stop).ShouldBeFalse();
        (await browser.GetPageAsync("/")).Html.ShouldContain($"<h1>{Browser.Html(owner.Name)}</h1>");
    }

    private async Task<string> ResolveAsync(string path, Guid tenantId) =>
        path.Replace("{tenant}", tenantId.ToString(), StringComparison.Ordinal)
            .Replace("{edition}", (await fixture.Factory.EditionIdAsync(EditionMatrix.Pro)).ToString(), StringComparison.Ordinal);
}
