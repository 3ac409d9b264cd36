using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Auditing;
using SmbAgent.Data;
using SmbAgent.Tenancy;
using SmbAgent.TestKit;
using SmbAgent.Web.Pages.Account.Manage;

namespace SmbAgent.Web.Tests.Account;

/// <summary>The signed-in user's own account pages: signed-in only, change password, resend confirmation.</summary>
public sealed class ManageAccountTests(AccountFixture fixture) : IClassFixture<AccountFixture>
{
    [Theory]
    [InlineData("/Account/Manage/Index")]
    [InlineData("/Account/Manage/ChangePassword")]
    [InlineData("/Account/Manage/TwoFactor")]
    public async Task The_account_pages_send_anonymous_visitors_to_login(string path)
    {
        using var browser = fixture.CreateBrowser();

        using var response = await browser.GetAsync(path);

        Browser.RedirectsToLogin(response).ShouldBeTrue($"{path}: {response.StatusCode} {response.Headers.Location}");
    }

    [Fact]
    public async Task The_account_page_shows_the_email_and_that_it_is_not_confirmed_and_can_resend_the_link()
    {
        var owner = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);

        var page = await browser.GetPageAsync("/Account/Manage/Index");
        using var resend = await Forms.PostAsync(browser, "/Account/Manage/Index", new Dictionary<string, string>(), handler: "ResendConfirmation");
        var after = await browser.GetPageAsync("/Account/Manage/Index");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Html.ShouldContain(Browser.Html(owner.Email));
        page.Html.ShouldContain("Not confirmed");
        resend.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        after.Html.ShouldContain(IndexModel.ConfirmationSentMessage);
        (await fixture.Mail.SingleAsync(owner.Email, "Confirm your email address")).TextBody.ShouldNotBeNull().ShouldContain(owner.Name);
    }

    [Fact]
    public async Task Changing_the_password_keeps_this_browser_signed_in_and_the_new_password_signs_in()
    {
        var owner = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);
        var newPassword = Passwords.New();

        using var change = await Forms.PostAsync(browser, "/Account/Manage/ChangePassword", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = owner.Password,
            ["Input.NewPassword"] = newPassword,
            ["Input.ConfirmPassword"] = newPassword,
        });
        var after = await browser.GetPageAsync("/Account/Manage/Index");
        using var another = fixture.CreateBrowser();
        using var oldPassword = await another.PostLoginAsync(owner.Name, owner.Email, owner.Password);

        change.StatusCode.ShouldBe(HttpStatusCode.Redirect, await change.Content.ReadAsStringAsync());
        after.Status.ShouldBe(HttpStatusCode.OK);
        after.Html.ShouldContain(ChangePasswordModel.DoneMessage);
        Browser.SetsAuthCookie(oldPassword).ShouldBeFalse();
        await another.SignInAsync(owner.Name, owner.Email, newPassword);
        (await AuditCountAsync(owner.TenantId, AuditActions.PasswordChanged)).ShouldBe(1);
    }

    [Fact]
    public async Task A_wrong_current_password_or_a_weak_new_one_is_shown_next_to_its_field()
    {
        var owner = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);

        using var wrongCurrent = await Forms.PostAsync(browser, "/Account/Manage/ChangePassword", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = Passwords.New(),
            ["Input.NewPassword"] = "Valid-Password-1",
            ["Input.ConfirmPassword"] = "Valid-Password-1",
        });
        using var weak = await Forms.PostAsync(browser, "/Account/Manage/ChangePassword", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = owner.Password,
            ["Input.NewPassword"] = "weak",
            ["Input.ConfirmPassword"] = "weak",
        });

        Forms.ValidationFor(await wrongCurrent.Content.ReadAsStringAsync(), "Input.CurrentPassword").ShouldBe(ChangePasswordModel.WrongCurrentPasswordError);
        Forms.ValidationFor(await weak.Content.ReadAsStringAsync(), "Input.NewPassword").ShouldContain("at least 10 characters");
        await fixture.CreateBrowser().SignInAsync(owner);
    }

    private async Task<int> AuditCountAsync(Guid tenantId, string action)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        using (scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(tenantId))
        {
            return await scope.ServiceProvider.GetRequiredService<ISmbAgentDbContext>().AuditLogEntries.CountAsync(a => a.Action == action);
        }
    }
}
