using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SmbAgent.Tenancy;
using SmbAgent.TestKit;
using SmbAgent.Web.Pages.Account;
using SmbAgent.Web.Tests.Account;

namespace SmbAgent.Web.Tests.RealBrowser.Account;

/// <summary>Sign-in in Chromium: choosing between businesses, two-factor with an authenticator code, lockout.</summary>
public sealed class SignInBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_same_email_in_two_businesses_chooses_the_business_after_the_password()
    {
        var first = await fixture.CreateTenantAsync();
        var second = await CreateTenantWithOwnerAsync(first.Email, first.Password);
        var page = await fixture.NewPageAsync();

        await BrowserFixture.SignInAsync(page, business: null, first.Email, first.Password);
        await page.GetByRole(AriaRole.Heading, new() { Name = "Choose your business" }).WaitForAsync();
        await BrowserFixture.ScreenshotAsync(page, "account-choose-business");
        await page.GetByRole(AriaRole.Button, new() { Name = second.Name }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");

        var navbar = await page.Locator("nav").InnerTextAsync();
        navbar.ShouldContain(second.Name);
        navbar.ShouldNotContain(first.Name);
    }

    [Fact]
    public async Task After_turning_on_two_factor_the_owner_signs_in_with_a_code_from_the_shared_key()
    {
        var owner = await fixture.CreateTenantAsync();
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, owner.Name, owner.Email, owner.Password);

        await page.GotoAsync("/Account/Manage/Index");
        await page.GetByRole(AriaRole.Link, new() { Name = "Manage two-factor sign-in" }).ClickAsync();
        var uri = new Uri(await page.Locator("#authenticator-uri").InnerTextAsync());
        var key = QueryHelpers.ParseQuery(uri.Query)["secret"].ToString();
        (await page.Locator("#shared-key").InnerTextAsync()).Replace(" ", string.Empty, StringComparison.Ordinal).ShouldBe(key, StringCompareShould.IgnoreCase);
        await page.GetByLabel("Verification code").FillAsync(Totp.Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor sign-in" }).ClickAsync();
        await page.Locator("#recovery-codes").WaitForAsync();
        await BrowserFixture.ScreenshotAsync(page, "account-two-factor-enabled");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await BrowserFixture.SignInAsync(page, owner.Name, owner.Email, owner.Password);
        new Uri(page.Url).AbsolutePath.ShouldBe("/Account/LoginWith2fa");
        await page.GetByLabel("Authentication code").FillAsync(Totp.Code(key));
        await BrowserFixture.ScreenshotAsync(page, "account-two-factor-login");
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");

        (await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_password()
    {
        var owner = await fixture.CreateTenantAsync();
        var page = await fixture.NewPageAsync();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await BrowserFixture.SignInAsync(page, owner.Name, owner.Email, Passwords.New());
            (await page.GetByRole(AriaRole.Alert).InnerTextAsync()).ShouldContain(LoginModel.GenericError, customMessage: $"attempt {attempt}");
        }

        // The fifth wrong password is the one that locks.
        await BrowserFixture.SignInAsync(page, owner.Name, owner.Email, Passwords.New());

        await BrowserFixture.SignInAsync(page, owner.Name, owner.Email, owner.Password);
        await BrowserFixture.ScreenshotAsync(page, "account-locked-out");

        (await page.GetByRole(AriaRole.Alert).InnerTextAsync()).ShouldContain(LoginModel.GenericError);
        new Uri(page.Url).AbsolutePath.ShouldBe("/Account/Login");
    }

    private async Task<TenantOwner> CreateTenantWithOwnerAsync(string email, string password)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var tenant = await scope.ServiceProvider.GetRequiredService<TenantManager>()
            .CreateAsync(new CreateTenantRequest(Names.Business(), email, password, "Owner"));
        return new TenantOwner(tenant.Id, tenant.Name, email, password);
    }
}
