using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Auditing;
using SmbAgent.EntityFrameworkCore;
using SmbAgent.Platform;

namespace SmbAgent.Web.Tests.Host;

public sealed class AuditLogAndSettingsPageTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    [Fact]
    public async Task The_audit_log_lists_a_tenants_sign_ins_filtered_by_tenant_and_action()
    {
        var tenant = await fixture.CreateTenantAsync();
        var other = await fixture.CreateTenantAsync();
        using (var owner = fixture.CreateBrowser())
        {
            await owner.SignInAsync(tenant);
            await owner.SignInAsync(other);
        }

        using var admin = fixture.CreateBrowser();
        await admin.SignInAsHostAdminAsync();

        var page = await admin.GetPageAsync($"/Host/AuditLog?tenant={Uri.EscapeDataString(tenant.Name.ToLowerInvariant())}&action={AuditActions.SignedIn}");
        var all = HostConsole.Parse((await admin.GetPageAsync("/Host/AuditLog")).Html);

        page.Status.ShouldBe(HttpStatusCode.OK);
        var rows = HostConsole.Parse(page.Html).QuerySelectorAll("#audit-log tbody tr")
            .Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList()).ToList();
        var row = rows.ShouldHaveSingleItem();
        row[1].ShouldBe(tenant.Name);
        row[2].ShouldBe(tenant.Email);
        row[4].ShouldBe(AuditActions.SignedIn);
        var cells = all.QuerySelectorAll("#audit-log tbody tr td:nth-child(2)").Select(td => td.TextContent).ToList();
        cells.ShouldContain(tenant.Name);
        cells.ShouldContain(other.Name);
        cells.ShouldContain("(platform)", "the admin's own sign-in is on the host side");
    }

    [Fact]
    public async Task The_audit_log_pages_newest_first()
    {
        var tenant = await fixture.CreateTenantAsync();
        using (var owner = fixture.CreateBrowser())
        {
            for (var i = 0; i < 21; i++)
            {
                await owner.SignInAsync(tenant);
            }
        }

        using var admin = fixture.CreateBrowser();
        await admin.SignInAsHostAdminAsync();

        var first = HostConsole.Parse((await admin.GetPageAsync($"/Host/AuditLog?tenant={Uri.EscapeDataString(tenant.Name)}")).Html);
        var second = HostConsole.Parse((await admin.GetPageAsync($"/Host/AuditLog?tenant={Uri.EscapeDataString(tenant.Name)}&p=2")).Html);

        var times = first.QuerySelectorAll("#audit-log tbody time").Select(t => DateTimeOffset.Parse(t.GetAttribute("datetime")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        times.Count.ShouldBe(20);
        times.ShouldBe(times.OrderDescending().ToList());
        second.QuerySelectorAll("#audit-log tbody tr").Length.ShouldBe(1);
    }

    [Fact]
    public async Task The_platform_admin_switches_self_service_plan_changes_off_and_on()
    {
        using var admin = fixture.CreateBrowser();
        await admin.SignInAsHostAdminAsync();

        await admin.PostAndRedirectAsync("/Host/Settings", "/Host/Settings", new Dictionary<string, string> { ["AllowSelfServicePlanChange"] = "false" });
        var off = HostConsole.Parse((await admin.GetPageAsync("/Host/Settings")).Html);
        var storedOff = await StoredAsync();
        await admin.PostAndRedirectAsync("/Host/Settings", "/Host/Settings", new Dictionary<string, string> { ["AllowSelfServicePlanChange"] = "true" });

        storedOff.ShouldBeFalse();
        off.QuerySelector("#AllowSelfServicePlanChange")!.HasAttribute("checked").ShouldBeFalse();
        (await StoredAsync()).ShouldBeTrue();
    }

    private async Task<bool> StoredAsync()
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SmbAgentDbContext>().PlatformSettings
            .Where(s => s.Id == PlatformSettings.SingletonId).Select(s => s.AllowSelfServicePlanChange).SingleAsync();
    }
}
