using System.Net;
using System.Text.RegularExpressions;
using SmbAgent.TestKit;
using SmbAgent.Web.Pages.Account;

namespace SmbAgent.Web.Tests.Account;

/// <summary>
/// A login that names no business: the email's businesses are tried, one match signs in, several are
/// offered for choice, and nothing about them shows before the password is right.
/// </summary>
public sealed partial class LoginChoiceTests(AccountFixture fixture) : IClassFixture<AccountFixture>
{
    [Fact]
    public async Task The_same_email_and_password_in_two_businesses_offers_both_and_signs_into_the_chosen_one()
    {
        var email = SharedEmail();
        var password = Passwords.New();
        var a = await fixture.CreateTenantAsync(ownerEmail: email, ownerPassword: password);
        var b = await fixture.CreateTenantAsync(ownerEmail: email, ownerPassword: password);
        using var browser = fixture.CreateBrowser();

        using var response = await browser.PostLoginAsync(business: null, email, password);
        var html = await response.Content.ReadAsStringAsync();
        var chooseB = ChoiceFields(html, b.TenantId);
        using var chosen = await Forms.PostWithTokenAsync(browser, Browser.LoginPath, Browser.AntiforgeryToken(html), chooseB, handler: "Choose");
        var account = await browser.GetPageAsync("/Account/Manage/Index");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Browser.SetsAuthCookie(response).ShouldBeFalse();
        html.ShouldContain("Choose your business");
        html.ShouldContain(Browser.Html(a.Name));
        html.ShouldContain(Browser.Html(b.Name));
        html.ShouldNotContain(password);
        chosen.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        chosen.Headers.Location.ShouldNotBeNull().OriginalString.ShouldBe("/");
        Browser.SetsAuthCookie(chosen).ShouldBeTrue();
        account.Html.ShouldContain(Browser.Html(b.Name));
        account.Html.ShouldNotContain(Browser.Html(a.Name));
    }

    [Fact]
    public async Task A_wrong_password_shows_the_generic_error_and_names_none_of_the_businesses()
    {
        var email = SharedEmail();
        var a = await fixture.CreateTenantAsync(ownerEmail: email);
        var b = await fixture.CreateTenantAsync(ownerEmail: email);
        using var browser = fixture.CreateBrowser();

        using var response = await browser.PostLoginAsync(business: null, email, Passwords.New());
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain(LoginModel.GenericError);
        html.ShouldNotContain("Choose your business");
        html.ShouldNotContain(Browser.Html(a.Name));
        html.ShouldNotContain(Browser.Html(b.Name));
        Browser.SetsAuthCookie(response).ShouldBeFalse();
    }

    [Fact]
    public async Task When_the_password_is_right_in_only_one_business_it_signs_straight_in_there()
    {
        var email = SharedEmail();
        var a = await fixture.CreateTenantAsync(ownerEmail: email);
        var b = await fixture.CreateTenantAsync(ownerEmail: email);
        using var browser = fixture.CreateBrowser();

        await browser.SignInAsync(business: null, email, b.Password);
        var account = await browser.GetPageAsync("/Account/Manage/Index");

        account.Html.ShouldContain(Browser.Html(b.Name));
        account.Html.ShouldNotContain(Browser.Html(a.Name));
    }

    [Fact]
    public async Task A_choice_for_a_business_that_was_not_offered_or_with_a_forged_token_signs_nobody_in()
    {
        var email = SharedEmail();
        var password = Passwords.New();
        await fixture.CreateTenantAsync(ownerEmail: email, ownerPassword: password);
        await fixture.CreateTenantAsync(ownerEmail: email, ownerPassword: password);
        var other = await fixture.CreateTenantAsync(ownerEmail: email);
        using var browser = fixture.CreateBrowser();
        using var response = await browser.PostLoginAsync(business: null, email, password);
        var html = await response.Content.ReadAsStringAsync();
        var token = Browser.AntiforgeryToken(html);

        var notOffered = ChoiceFields(html, Guid.Empty);
        notOffered["tenantId"] = other.TenantId.ToString();
        using var wrongBusiness = await Forms.PostWithTokenAsync(browser, Browser.LoginPath, token, notOffered, handler: "Choose");
        using var forged = await Forms.PostWithTokenAsync(
            browser, Browser.LoginPath, token, new Dictionary<string, string> { ["token"] = "forged", ["tenantId"] = other.TenantId.ToString() }, handler: "Choose");

        html.ShouldNotContain(Browser.Html(other.Name));
        foreach (var refused in new[] { wrongBusiness, forged })
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await refused.Content.ReadAsStringAsync()).ShouldContain(LoginModel.ChoiceExpiredError);
            Browser.SetsAuthCookie(refused).ShouldBeFalse();
        }
    }

    [Fact]
    public async Task Five_wrong_passwords_without_a_business_lock_the_account_in_every_business_of_the_email()
    {
        var email = SharedEmail();
        var password = Passwords.New();
        var a = await fixture.CreateTenantAsync(ownerEmail: email, ownerPassword: password);
        var b = await fixture.CreateTenantAsync(ownerEmail: email, ownerPassword: password);
        using var browser = fixture.CreateBrowser();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await browser.PostLoginAsync(business: null, email, Passwords.New());
            wrong.StatusCode.ShouldBe(HttpStatusCode.OK, $"wrong attempt {attempt}");
        }

        using var blank = await browser.PostLoginAsync(business: null, email, password);
        using var namedA = await browser.PostLoginAsync(a.Name, email, password);
        using var namedB = await browser.PostLoginAsync(b.Name, email, password);

        foreach (var response in new[] { blank, namedA, namedB })
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await response.Content.ReadAsStringAsync()).ShouldContain(LoginModel.GenericError);
            Browser.SetsAuthCookie(response).ShouldBeFalse();
        }
    }

    [Fact]
    public async Task Signing_in_to_one_business_without_naming_it_does_not_count_a_failure_against_the_other()
    {
        var email = SharedEmail();
        var a = await fixture.CreateTenantAsync(ownerEmail: email);
        var b = await fixture.CreateTenantAsync(ownerEmail: email);
        for (var signIn = 1; signIn <= 5; signIn++)
        {
            using var browser = fixture.CreateBrowser();
            await browser.SignInAsync(business: null, email, a.Password);
        }

        using var inB = fixture.CreateBrowser();
        await inB.SignInAsync(b.Name, email, b.Password);
    }

    private static string SharedEmail() => $"shared-{Guid.NewGuid():N}@example.com";

    /// <summary>The hidden fields of the choice form for <paramref name="tenantId"/> (any form's token when empty).</summary>
    private static Dictionary<string, string> ChoiceFields(string html, Guid tenantId)
    {
        var token = ChoiceToken().Match(html);
        token.Success.ShouldBeTrue("no business choice on the page");
        if (tenantId != Guid.Empty)
        {
            html.ShouldContain($"value=\"{tenantId}\"");
        }

        return new Dictionary<string, string> { ["token"] = System.Net.WebUtility.HtmlDecode(token.Groups["token"].Value), ["tenantId"] = tenantId.ToString() };
    }

    [GeneratedRegex("name=\"token\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex ChoiceToken();
}
