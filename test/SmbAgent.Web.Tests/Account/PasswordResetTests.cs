using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Auditing;
using SmbAgent.Data;
using SmbAgent.Tenancy;
using SmbAgent.TestKit;
using SmbAgent.Web.Pages.Account;

namespace SmbAgent.Web.Tests.Account;

/// <summary>Forgot and reset password by mail: the same answer for everyone, a link whose token is checked in its tenant.</summary>
public sealed class PasswordResetTests(AccountFixture fixture) : IClassFixture<AccountFixture>
{
    private const string ForgotPath = "/Account/ForgotPassword";
    private const string ResetSubject = "Reset your password";

    [Fact]
    public async Task The_reset_link_sets_a_new_password_that_signs_in_and_the_old_one_stops_working()
    {
        var owner = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();

        using var forgot = await RequestResetAsync(browser, owner.Name, owner.Email);
        var link = MailFolder.LinkIn(await fixture.Mail.SingleAsync(owner.Email, ResetSubject));
        var newPassword = Passwords.New();
        using var reset = await Forms.PostAsync(browser, link.PathAndQuery, ResetFields(link, newPassword));
        var login = await browser.GetPageAsync(Browser.LoginPath);
        using var oldPassword = await browser.PostLoginAsync(owner.Name, owner.Email, owner.Password);

        (await forgot.Content.ReadAsStringAsync()).ShouldContain(Browser.Html(ForgotPasswordModel.SentMessage));
        link.AbsolutePath.ShouldBe("/Account/ResetPassword");
        QueryHelpers.ParseQuery(link.Query)["tenantId"].ToString().ShouldBe(owner.TenantId.ToString());
        reset.StatusCode.ShouldBe(HttpStatusCode.Redirect, await reset.Content.ReadAsStringAsync());
        reset.Headers.Location.ShouldNotBeNull().OriginalString.ShouldBe(Browser.LoginPath);
        login.Html.ShouldContain(ResetPasswordModel.DoneMessage);
        (await oldPassword.Content.ReadAsStringAsync()).ShouldContain(LoginModel.GenericError);
        await browser.SignInAsync(owner.Name, owner.Email, newPassword);
        (await AuditCountAsync(owner.TenantId, AuditActions.PasswordReset)).ShouldBe(1);
    }

    [Fact]
    public async Task Unknown_emails_and_businesses_get_the_same_answer_and_no_mail()
    {
        var owner = await fixture.CreateTenantAsync();
        var stranger = $"nobody-{Guid.NewGuid():N}@example.com";
        using var browser = fixture.CreateBrowser();

        using var unknownEmail = await RequestResetAsync(browser, owner.Name, stranger);
        using var unknownBusiness = await RequestResetAsync(browser, Names.Business("Nobody"), owner.Email);

        foreach (var response in new[] { unknownEmail, unknownBusiness })
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await response.Content.ReadAsStringAsync()).ShouldContain(Browser.Html(ForgotPasswordModel.SentMessage));
        }

        (await fixture.Mail.ReadAsync(stranger, ResetSubject)).ShouldBeEmpty();
        (await fixture.Mail.ReadAsync(owner.Email, ResetSubject)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Without_a_business_every_business_of_the_email_gets_its_own_link()
    {
        var email = $"shared-{Guid.NewGuid():N}@example.com";
        var a = await fixture.CreateTenantAsync(ownerEmail: email);
        var b = await fixture.CreateTenantAsync(ownerEmail: email);
        using var browser = fixture.CreateBrowser();

        using var forgot = await RequestResetAsync(browser, business: null, email);
        var mails = await fixture.Mail.ReadAsync(email, ResetSubject);

        mails.Count.ShouldBe(2);
        mails.Select(m => QueryHelpers.ParseQuery(MailFolder.LinkIn(m).Query)["tenantId"].ToString())
            .ShouldBe([a.TenantId.ToString(), b.TenantId.ToString()], ignoreOrder: true);
        mails.ShouldContain(m => m.TextBody != null && m.TextBody.Contains(a.Name, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_link_pointed_at_another_business_or_with_a_changed_token_resets_nothing()
    {
        var owner = await fixture.CreateTenantAsync();
        var other = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();
        using var forgot = await RequestResetAsync(browser, owner.Name, owner.Email);
        var link = MailFolder.LinkIn(await fixture.Mail.SingleAsync(owner.Email, ResetSubject));

        var otherTenant = ResetFields(link, Passwords.New());
        otherTenant["Input.TenantId"] = other.TenantId.ToString();
        using var wrongTenant = await Forms.PostAsync(browser, link.PathAndQuery, otherTenant);
        var changedToken = ResetFields(link, Passwords.New());
        changedToken["Input.Code"] = changedToken["Input.Code"][..^4] + "AAAA";
        using var wrongToken = await Forms.PostAsync(browser, link.PathAndQuery, changedToken);

        foreach (var response in new[] { wrongTenant, wrongToken })
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await response.Content.ReadAsStringAsync()).ShouldContain(ResetPasswordModel.InvalidLinkError);
        }

        await browser.SignInAsync(owner);
    }

    [Fact]
    public async Task A_weak_new_password_is_refused_next_to_the_field_and_the_link_still_works_afterwards()
    {
        var owner = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();
        using var forgot = await RequestResetAsync(browser, owner.Name, owner.Email);
        var link = MailFolder.LinkIn(await fixture.Mail.SingleAsync(owner.Email, ResetSubject));

        using var weak = await Forms.PostAsync(browser, link.PathAndQuery, ResetFields(link, "weakpassword"));
        var newPassword = Passwords.New();
        using var strong = await Forms.PostAsync(browser, link.PathAndQuery, ResetFields(link, newPassword));

        weak.StatusCode.ShouldBe(HttpStatusCode.OK);
        Forms.ValidationFor(await weak.Content.ReadAsStringAsync(), "Input.Password").ShouldContain("digit");
        strong.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await browser.SignInAsync(owner.Name, owner.Email, newPassword);
    }

    [Fact]
    public async Task A_common_new_password_is_refused_next_to_the_field_with_a_clear_message()
    {
        var owner = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();
        using var forgot = await RequestResetAsync(browser, owner.Name, owner.Email);
        var link = MailFolder.LinkIn(await fixture.Mail.SingleAsync(owner.Email, ResetSubject));

        using var common = await Forms.PostAsync(browser, link.PathAndQuery, ResetFields(link, "Password123"));

        common.StatusCode.ShouldBe(HttpStatusCode.OK);
        Forms.ValidationFor(await common.Content.ReadAsStringAsync(), "Input.Password").ShouldContain("too common");
    }

    private static Task<HttpResponseMessage> RequestResetAsync(Browser browser, string? business, string email) =>
        Forms.PostAsync(browser, ForgotPath, new Dictionary<string, string> { ["Input.Business"] = business ?? string.Empty, ["Input.Email"] = email });

    private static Dictionary<string, string> ResetFields(Uri link, string password)
    {
        var query = QueryHelpers.ParseQuery(link.Query);
        return new Dictionary<string, string>
        {
            ["Input.UserId"] = query["userId"].ToString(),
            ["Input.TenantId"] = query["tenantId"].ToString(),
            ["Input.Code"] = query["code"].ToString(),
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        };
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
