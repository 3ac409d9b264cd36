using Microsoft.Playwright;
using SmbAgent.TestKit;

namespace SmbAgent.Web.Tests.RealBrowser.Host;

/// <summary>The host console in Chromium, with a screenshot of each page.</summary>
public sealed class HostConsoleBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_admin_finds_a_tenant_moves_it_to_pro_and_overrides_a_feature()
    {
        var tenant = await fixture.CreateTenantAsync();
        var page = await SignedInAdminAsync();

        await page.GotoAsync("/Host/Tenants");
        await BrowserFixture.ScreenshotAsync(page, "host-tenants");
        await page.GetByLabel("Search tenants by name").FillAsync(tenant.Name.ToLowerInvariant());
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = tenant.Name, Exact = true }).ClickAsync();
        await page.GetByLabel("Edition").SelectOptionAsync(new SelectOptionValue { Label = "Pro" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save details" }).ClickAsync();
        await page.GetByText("The tenant was saved.").WaitForAsync();
        var questions = page.Locator("[data-feature='Leads.MaxQuestions']");
        await questions.GetByLabel("Lead-capture questions").FillAsync("9");
        await questions.GetByRole(AriaRole.Button, new() { Name = "Override" }).ClickAsync();
        await page.GetByText("Lead-capture questions is overridden for this tenant.").WaitForAsync();
        await BrowserFixture.ScreenshotAsync(page, "host-tenant-edit");

        (await page.Locator("#Input_EditionId option:checked").TextContentAsync()).ShouldBe("Pro");
        (await page.Locator("[data-feature='Voice.Agent'] input[type=checkbox]").IsCheckedAsync()).ShouldBeTrue();
        (await page.Locator("[data-feature='Leads.MaxQuestions'] [data-source]").GetAttributeAsync("data-source")).ShouldBe("override");
        (await page.Locator("#feature-Leads-MaxQuestions").InputValueAsync()).ShouldBe("9");
    }

    [Fact]
    public async Task The_admin_creates_a_tenant_and_an_edition()
    {
        var name = Names.Business("Shot");
        var code = "B" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        var page = await SignedInAdminAsync();

        await page.GotoAsync("/Host/Tenants/Create");
        await page.GetByLabel("Business name").FillAsync(name);
        await page.GetByLabel("Edition").SelectOptionAsync(new SelectOptionValue { Label = "Basic" });
        await page.GetByLabel("Owner email").FillAsync($"owner-{Guid.NewGuid():N}@example.com");
        await page.GetByLabel("Owner password").FillAsync(Passwords.New());
        await BrowserFixture.ScreenshotAsync(page, "host-tenant-create");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create tenant" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = name }).WaitForAsync();

        await page.GotoAsync("/Host/Editions/Create");
        await page.GetByLabel("Code").FillAsync(code);
        await page.GetByLabel("Display name").FillAsync("Gold");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create edition" }).ClickAsync();
        await page.GetByLabel("Voice agent (phone line)").CheckAsync();
        await page.GetByLabel("Analytics").SelectOptionAsync("full");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save edition" }).ClickAsync();
        await page.GetByText("Gold was saved.").WaitForAsync();
        await BrowserFixture.ScreenshotAsync(page, "host-edition-edit");
        await page.GotoAsync("/Host/Editions");
        await BrowserFixture.ScreenshotAsync(page, "host-editions");

        (await page.Locator($"tr[data-edition='{code}']").CountAsync()).ShouldBe(1);
        (await page.Locator("tr[data-edition='BASIC'] td:nth-child(4)").TextContentAsync()).ShouldNotBe("0");
    }

    [Fact]
    public async Task The_admin_signs_in_as_an_owner_sees_the_banner_and_comes_back()
    {
        var tenant = await fixture.CreateTenantAsync();
        var page = await SignedInAdminAsync();

        await page.GotoAsync($"/Host/Tenants/Edit/{tenant.TenantId}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in as owner" }).ClickAsync();
        var banner = page.Locator("#impersonation-banner");
        await banner.WaitForAsync();
        await BrowserFixture.ScreenshotAsync(page, "host-impersonation-banner");
        var bannerText = await banner.TextContentAsync();
        var heading = await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).TextContentAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Back to platform admin" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Tenants" }).WaitForAsync();

        bannerText.ShouldNotBeNull().ShouldContain(tenant.Email);
        heading.ShouldBe(tenant.Name);
        (await banner.CountAsync()).ShouldBe(0);

        await page.GotoAsync($"/Host/AuditLog?tenant={Uri.EscapeDataString(tenant.Name)}");
        await BrowserFixture.ScreenshotAsync(page, "host-audit-log");
        var actions = await page.Locator("#audit-log tbody td:nth-child(5)").AllTextContentsAsync();
        actions.ShouldContain("ImpersonationStarted");
        actions.ShouldContain("ImpersonationEnded");
    }

    [Fact]
    public async Task The_admin_sees_platform_settings_and_the_jobs_dashboard()
    {
        var page = await SignedInAdminAsync();

        await page.GotoAsync("/Host/Settings");
        await BrowserFixture.ScreenshotAsync(page, "host-settings");
        var settingsLabel = await page.GetByLabel("Owners may change their plan themselves").CountAsync();
        var response = await page.GotoAsync("/hangfire");
        await BrowserFixture.ScreenshotAsync(page, "host-hangfire");

        settingsLabel.ShouldBe(1);
        response.ShouldNotBeNull().Status.ShouldBe(200);
        (await page.TitleAsync()).ShouldContain("SmbAgent jobs");
    }

    [Fact]
    public async Task A_tenant_owner_gets_the_friendly_403_on_host_pages_and_the_jobs_dashboard()
    {
        var tenant = await fixture.CreateTenantAsync();
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, tenant.Name, tenant.Email, tenant.Password);

        var tenants = await page.GotoAsync("/Host/Tenants");
        var jobs = await page.GotoAsync("/hangfire");
        await BrowserFixture.ScreenshotAsync(page, "host-forbidden-for-tenant");

        tenants.ShouldNotBeNull().Status.ShouldBe(403);
        jobs.ShouldNotBeNull().Status.ShouldBe(403);
    }

    private async Task<IPage> SignedInAdminAsync()
    {
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, business: null, TestSettings.HostAdminEmail, TestSettings.HostAdminPassword);
        return page;
    }
}
