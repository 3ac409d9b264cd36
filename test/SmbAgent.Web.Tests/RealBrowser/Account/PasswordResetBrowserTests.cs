using Microsoft.Playwright;
using SmbAgent.TestKit;
using SmbAgent.Web.Pages.Account;
using SmbAgent.Web.Tests.Account;

namespace SmbAgent.Web.Tests.RealBrowser.Account;

/// <summary>Forgot password in Chromium: the mail lands in the pickup folder, its link (opened from the dev mail page) sets a new password.</summary>
public sealed class PasswordResetBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_reset_mail_arrives_in_the_pickup_folder_and_its_link_sets_a_password_that_signs_in()
    {
        var owner = await fixture.CreateTenantAsync();
        var newPassword = Passwords.New();
        var page = await fixture.NewPageAsync();

        await page.GotoAsync("/Account/Login");
        await page.GetByRole(AriaRole.Link, new() { Name = "Forgot your password?" }).ClickAsync();
        await page.GetByLabel("Business").FillAsync(owner.Name);
        await page.GetByLabel("Email").FillAsync(owner.Email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send me a reset link" }).ClickAsync();
        await page.GetByText(ForgotPasswordModel.SentMessage).WaitForAsync();
        await BrowserFixture.ScreenshotAsync(page, "account-forgot-password-sent");

        var mail = await new MailFolder(fixture.MailDirectory).SingleAsync(owner.Email, "Reset your password");
        var link = MailFolder.LinkIn(mail);
        link.Authority.ShouldBe(fixture.BaseAddress.Authority, "the link is absolute, to this server");

        await page.GotoAsync("/Dev/Mail");
        await page.Locator("#mail-list tr", new() { HasText = owner.Email }).GetByRole(AriaRole.Link, new() { Name = "Reset your password" }).ClickAsync();
        await BrowserFixture.ScreenshotAsync(page, "account-dev-mail");
        await page.Locator("#mail-links a").First.ClickAsync();
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync(newPassword);
        await page.GetByLabel("Confirm new password").FillAsync(newPassword);
        await BrowserFixture.ScreenshotAsync(page, "account-reset-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set new password" }).ClickAsync();
        await page.GetByText(ResetPasswordModel.DoneMessage).WaitForAsync();

        await BrowserFixture.SignInAsync(page, owner.Name, owner.Email, newPassword);
        new Uri(page.Url).AbsolutePath.ShouldBe("/");
        (await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).CountAsync()).ShouldBe(1);
    }
}
