using Microsoft.Playwright;

namespace SmbAgent.Web.Tests.RealBrowser;

/// <summary>The admin shell in a real browser: assets served locally, the sidebar by side.</summary>
public sealed class ShellTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_tenant_owner_sees_the_workspace_menu_styled_by_the_local_bootstrap()
    {
        var owner = await fixture.CreateTenantAsync();
        var page = await fixture.NewPageAsync();

        await BrowserFixture.SignInAsync(page, owner.Name, owner.Email, owner.Password);
        var primary = await page.EvaluateAsync<string>("getComputedStyle(document.documentElement).getPropertyValue('--bs-primary').trim()");
        await BrowserFixture.ScreenshotAsync(page, "tenant-home");

        primary.ShouldBe("#0d6efd");
        (await page.Locator("#sidebar").GetByRole(AriaRole.Link, new() { Name = "Lead questions" }).CountAsync()).ShouldBe(1);
        (await page.Locator("#sidebar").GetByRole(AriaRole.Link, new() { Name = "Tenants" }).CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task On_a_phone_the_menu_opens_from_a_button()
    {
        var owner = await fixture.CreateTenantAsync();
        var page = await fixture.NewPageAsync(390, 844);

        await BrowserFixture.SignInAsync(page, owner.Name, owner.Email, owner.Password);
        var hiddenAtFirst = !await page.Locator("#sidebar").GetByRole(AriaRole.Link, new() { Name = "Lead questions" }).IsVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Open menu" }).ClickAsync();
        await page.Locator("#sidebar").GetByRole(AriaRole.Link, new() { Name = "Lead questions" }).WaitForAsync();
        await BrowserFixture.ScreenshotAsync(page, "tenant-home-phone-menu");

        hiddenAtFirst.ShouldBeTrue();
    }
}
