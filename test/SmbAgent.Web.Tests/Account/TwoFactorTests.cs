using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Auditing;
using SmbAgent.Data;
using SmbAgent.Tenancy;
using SmbAgent.Web.Pages.Account;
using SmbAgent.Web.Pages.Account.Manage;

namespace SmbAgent.Web.Tests.Account;

/// <summary>Two-factor sign-in with an authenticator app: turned on with one correct code, then asked for at every login.</summary>
public sealed partial class TwoFactorTests(AccountFixture fixture) : IClassFixture<AccountFixture>
{
    private const string TwoFactorPath = "/Account/Manage/TwoFactor";

    [Fact]
    public void The_test_helper_computes_the_rfc_6238_sha1_test_vector()
    {
        // RFC 6238 appendix B: secret "12345678901234567890", T = 59 s → 94287082 (the last 6 digits).
        Totp.Code("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", DateTimeOffset.FromUnixTimeSeconds(59)).ShouldBe("287082");
    }

    [Fact]
    public async Task After_turning_on_two_factor_the_login_asks_for_the_code_and_only_a_right_code_signs_in()
    {
        var owner = await fixture.CreateTenantAsync();
        var key = await EnableTwoFactorAsync(owner);

        using var browser = fixture.CreateBrowser();
        using var password = await browser.PostLoginAsync(owner.Name, owner.Email, owner.Password);
        var secondStep = password.Headers.Location.ShouldNotBeNull().OriginalString;
        using var home = await browser.GetAsync("/");
        using var wrong = await Forms.PostAsync(browser, secondStep, new Dictionary<string, string> { ["Input.Code"] = OtherCode(Totp.Code(key)) });
        using var right = await Forms.PostAsync(browser, secondStep, new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key) });
        var account = await browser.GetPageAsync("/Account/Manage/Index");

        password.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        secondStep.ShouldStartWith("/Account/LoginWith2fa");
        Browser.SetsAuthCookie(password).ShouldBeFalse();
        Browser.RedirectsToLogin(home).ShouldBeTrue("the password alone must not sign in");
        (await wrong.Content.ReadAsStringAsync()).ShouldContain(Browser.Html(LoginWith2faModel.WrongCodeError));
        Browser.SetsAuthCookie(wrong).ShouldBeFalse();
        right.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        Browser.SetsAuthCookie(right).ShouldBeTrue();
        account.Html.ShouldContain(Browser.Html(owner.Name));
        (await AuditCountAsync(owner.TenantId, AuditActions.TwoFactorChanged)).ShouldBe(1);
    }

    [Fact]
    public async Task A_wrong_code_does_not_turn_two_factor_on()
    {
        var owner = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);
        var page = await browser.GetPageAsync(TwoFactorPath);

        using var wrong = await Forms.PostWithTokenAsync(browser, TwoFactorPath, Browser.AntiforgeryToken(page.Html),
            new Dictionary<string, string> { ["Input.Code"] = OtherCode(Totp.Code(SecretOf(page.Html))) }, handler: "Enable");
        using var another = fixture.CreateBrowser();

        Forms.ValidationFor(await wrong.Content.ReadAsStringAsync(), "Input.Code").ShouldBe(TwoFactorModel.WrongCodeError);
        await another.SignInAsync(owner);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        var owner = await fixture.CreateTenantAsync();
        using var setup = fixture.CreateBrowser();
        await setup.SignInAsync(owner);
        var page = await setup.GetPageAsync(TwoFactorPath);
        using var enabled = await Forms.PostWithTokenAsync(setup, TwoFactorPath, Browser.AntiforgeryToken(page.Html),
            new Dictionary<string, string> { ["Input.Code"] = Totp.Code(SecretOf(page.Html)) }, handler: "Enable");
        var codes = RecoveryCodes(await enabled.Content.ReadAsStringAsync());

        using var first = fixture.CreateBrowser();
        using var firstPassword = await first.PostLoginAsync(owner.Name, owner.Email, owner.Password);
        var recoveryPath = firstPassword.Headers.Location!.OriginalString + "&recovery=true";
        using var firstRecovery = await Forms.PostAsync(first, recoveryPath, new Dictionary<string, string> { ["Input.Code"] = codes[0], ["recovery"] = "true" });
        using var second = fixture.CreateBrowser();
        using var secondPassword = await second.PostLoginAsync(owner.Name, owner.Email, owner.Password);
        using var reused = await Forms.PostAsync(second, recoveryPath, new Dictionary<string, string> { ["Input.Code"] = codes[0], ["recovery"] = "true" });

        codes.Count.ShouldBe(10);
        Browser.SetsAuthCookie(firstRecovery).ShouldBeTrue();
        Browser.SetsAuthCookie(reused).ShouldBeFalse();
        (await reused.Content.ReadAsStringAsync()).ShouldContain(Browser.Html(LoginWith2faModel.WrongCodeError));
    }

    [Fact]
    public async Task Turning_two_factor_off_signs_in_with_the_password_alone_again()
    {
        var owner = await fixture.CreateTenantAsync();
        var key = await EnableTwoFactorAsync(owner);
        using var browser = fixture.CreateBrowser();
        using var password = await browser.PostLoginAsync(owner.Name, owner.Email, owner.Password);
        using var code = await Forms.PostAsync(browser, password.Headers.Location!.OriginalString, new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key) });

        using var disable = await Forms.PostAsync(browser, TwoFactorPath, new Dictionary<string, string>(), handler: "Disable");
        var page = await browser.GetPageAsync(TwoFactorPath);
        using var again = fixture.CreateBrowser();

        disable.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.Html.ShouldContain(TwoFactorModel.DisabledMessage);
        SecretOf(page.Html).ShouldNotBe(key, "turning off forgets the old key");
        await again.SignInAsync(owner);
    }

    [Fact]
    public async Task The_second_step_without_a_password_first_goes_back_to_login()
    {
        using var browser = fixture.CreateBrowser();

        using var response = await browser.GetAsync("/Account/LoginWith2fa");

        Browser.RedirectsToLogin(response).ShouldBeTrue();
    }

    /// <summary>Turns two-factor on through the page, as the owner would with an app, and returns the shared key.</summary>
    private async Task<string> EnableTwoFactorAsync(TenantOwner owner)
    {
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);
        var page = await browser.GetPageAsync(TwoFactorPath);
        var key = SecretOf(page.Html);
        using var enabled = await Forms.PostWithTokenAsync(browser, TwoFactorPath, Browser.AntiforgeryToken(page.Html),
            new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key) }, handler: "Enable");
        var html = await enabled.Content.ReadAsStringAsync();
        enabled.StatusCode.ShouldBe(HttpStatusCode.OK);
        RecoveryCodes(html).Count.ShouldBe(10);
        var account = await browser.GetPageAsync("/Account/Manage/Index");
        account.Status.ShouldBe(HttpStatusCode.OK, "turning on two-factor keeps this browser signed in");
        return key;
    }

    private static string SecretOf(string html)
    {
        var uri = OtpAuthUri().Match(html);
        uri.Success.ShouldBeTrue("no otpauth URI on the page");
        return QueryHelpers.ParseQuery(new Uri(System.Net.WebUtility.HtmlDecode(uri.Value)).Query)["secret"].ToString();
    }

    private static List<string> RecoveryCodes(string html) =>
        [.. new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelectorAll("#recovery-codes li").Select(li => li.TextContent.Trim())];

    private static string OtherCode(string code) => ((int.Parse(code, System.Globalization.CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<int> AuditCountAsync(Guid tenantId, string action)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        using (scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(tenantId))
        {
            return await scope.ServiceProvider.GetRequiredService<ISmbAgentDbContext>().AuditLogEntries.CountAsync(a => a.Action == action);
        }
    }

    [GeneratedRegex("otpauth://totp/[^<\"]+")]
    private static partial Regex OtpAuthUri();
}
