using SmbAgent.TestKit;

namespace SmbAgent.Web.Tests.RealBrowser.Hosting;

/// <summary>The admin's own pages pass its strict Content-Security-Policy in Chromium: nothing they use is blocked.</summary>
public sealed class ContentSecurityPolicyBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Anonymous_pages_log_no_policy_violation()
    {
        var page = await fixture.NewPageAsync();

        foreach (var path in new[] { "/Account/Login", "/Account/SignUp", "/Account/ForgotPassword", "/no-such-page" })
        {
            await page.GotoAsync(path);
        }

        await page.EvaluateAsync("1");
        fixture.CspViolations(page).ShouldBeEmpty();
    }

    [Fact]
    public async Task Workspace_pages_log_no_policy_violation()
    {
        var owner = await fixture.CreateTenantAsync();
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, owner.Name, owner.Email, owner.Password);

        foreach (var path in new[]
        {
            "/", "/Workspace/Agent", "/Workspace/Profile", "/Workspace/Plan", "/Workspace/Team", "/Workspace/EmergencyWords",
            "/Workspace/Notifications", "/Workspace/Questions", "/Workspace/Questions/Edit", "/Workspace/Knowledge",
            "/Workspace/Knowledge/AddText", "/Workspace/Knowledge/AddFaq", "/Workspace/Knowledge/AddUrl", "/Workspace/Knowledge/AddPdf",
            "/Workspace/Knowledge/Test", "/Workspace/Leads", "/Workspace/Conversations", "/Workspace/Install",
            "/Account/Manage/Index", "/Account/Manage/ChangePassword", "/Account/Manage/TwoFactor",
        })
        {
            await page.GotoAsync(path);
        }

        await page.EvaluateAsync("1");
        fixture.CspViolations(page).ShouldBeEmpty();
    }

    [Fact]
    public async Task Host_pages_and_the_jobs_dashboard_log_no_policy_violation()
    {
        var owner = await fixture.CreateTenantAsync();
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, business: null, TestSettings.HostAdminEmail, TestSettings.HostAdminPassword);

        foreach (var path in new[]
        {
            "/", "/Host/Tenants", "/Host/Tenants/Create", "/Host/Tenants/Edit/" + owner.TenantId, "/Host/Editions",
            "/Host/Editions/Create", "/Host/AuditLog", "/Host/Settings", "/hangfire",
        })
        {
            await page.GotoAsync(path);
        }

        await page.EvaluateAsync("1");
        fixture.CspViolations(page).ShouldBeEmpty();
    }
}
