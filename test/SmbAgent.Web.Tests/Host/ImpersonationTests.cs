using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Auditing;
using SmbAgent.EntityFrameworkCore;
using SmbAgent.TestKit;

namespace SmbAgent.Web.Tests.Host;

/// <summary>
/// "Sign in as owner": the platform admin acts as the tenant's owner under a banner, every step is
/// audited with the impersonator's id on both sides, and Stop brings the admin back. The cookie is
/// re-validated on every request here, which must not drop the impersonation.
/// </summary>
public sealed class ImpersonationTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    [Fact]
    public async Task The_admin_acts_as_the_owner_under_a_banner_audited_on_both_sides_and_stop_brings_them_back()
    {
        var tenant = await fixture.CreateTenantAsync();
        var adminId = await HostAdminIdAsync();
        using var browser = fixture.CreateBrowser(fixture.RevalidatingFactory);
        await browser.SignInAsHostAdminAsync();

        using (var start = await browser.PostFormAsync($"/Host/Tenants/Edit/{tenant.TenantId}", "/Host/Impersonation", new Dictionary<string, string>
               {
                   ["tenantId"] = tenant.TenantId.ToString(),
               }))
        {
            start.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            start.Headers.Location!.OriginalString.ShouldBe("/");
        }

        var home = await browser.GetPageAsync("/");
        var again = await browser.GetPageAsync("/");
        using var hostPage = await browser.GetAsync("/Host/Tenants");
        using var stop = await browser.PostFormAsync("/", "/Host/Impersonation?handler=Stop", new Dictionary<string, string>());
        var back = await browser.GetPageAsync("/Host/Tenants");

        home.Html.ShouldContain($"<h1>{Browser.Html(tenant.Name)}</h1>");
        HostConsole.Parse(home.Html).QuerySelector("#impersonation-banner").ShouldNotBeNull("the banner shows while impersonating").TextContent.ShouldContain(tenant.Email);
        HostConsole.Parse(again.Html).QuerySelector("#impersonation-banner").ShouldNotBeNull("re-validating the cookie keeps the impersonation");
        hostPage.StatusCode.ShouldBe(HttpStatusCode.Forbidden, "while impersonating, the admin is the tenant's owner");
        stop.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        back.Status.ShouldBe(HttpStatusCode.OK);
        back.Html.ShouldNotContain("impersonation-banner");

        var started = (await fixture.Factory.AuditEntriesAsync(AuditActions.ImpersonationStarted)).Where(e => Mentions(e, tenant)).ToList();
        var host = started.Where(e => e.TenantId == null).ShouldHaveSingleItem();
        host.UserId.ShouldBe(adminId);
        var inTenant = started.Where(e => e.TenantId == tenant.TenantId).ShouldHaveSingleItem();
        inTenant.UserName.ShouldBe(tenant.Email);
        inTenant.ImpersonatorUserId.ShouldBe(adminId);
        inTenant.Details.ShouldBe($"platform admin {TestSettings.HostAdminEmail} signed in as {tenant.Email}");
        var ended = (await fixture.Factory.AuditEntriesAsync(AuditActions.ImpersonationEnded)).Where(e => Mentions(e, tenant)).ToList();
        ended.Where(e => e.TenantId == tenant.TenantId).ShouldHaveSingleItem().ImpersonatorUserId.ShouldBe(adminId);
        ended.Where(e => e.TenantId == null).ShouldHaveSingleItem().UserId.ShouldBe(adminId);
    }

    [Fact]
    public async Task A_deactivated_tenant_cannot_be_impersonated()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsHostAdminAsync();
        var edit = $"/Host/Tenants/Edit/{tenant.TenantId}";
        await browser.PostAndRedirectAsync(edit, edit + "?handler=Deactivate", new Dictionary<string, string>());

        var location = await browser.PostAndRedirectAsync(edit, "/Host/Impersonation", new Dictionary<string, string> { ["tenantId"] = tenant.TenantId.ToString() });
        var page = await browser.GetPageAsync(location);

        location.ShouldBe(edit);
        page.Html.ShouldContain("is deactivated; reactivate it to sign in as its owner.");
        (await browser.GetAsync("/Host/Tenants")).StatusCode.ShouldBe(HttpStatusCode.OK, "still the platform admin");
    }

    private static bool Mentions(AuditLogEntry entry, TenantOwner tenant) =>
        entry.TenantId == tenant.TenantId || entry.Details?.Contains(tenant.Name, StringComparison.Ordinal) == true;

    private async Task<Guid> HostAdminIdAsync()
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SmbAgentDbContext>();
        return await db.Users.Where(u => u.Email == TestSettings.HostAdminEmail).Select(u => u.Id).SingleAsync();
    }
}
