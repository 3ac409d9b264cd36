using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using SmbAgent.TestKit;
using SmbAgent.Web.Pages.Account;

namespace SmbAgent.Web.Tests.Account;

/// <summary>The login form: the business named on it picks the tenant; failures say nothing about which field was wrong.</summary>
public sealed class LoginTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    private const string GenericError = LoginModel.GenericError;
    private const string LockedOutError = LoginModel.LockedOutError;

    [Fact]
    public async Task Anonymous_request_for_home_redirects_to_login_with_a_return_url()
    {
        using var browser = fixture.CreateBrowser();

        using var response = await browser.GetAsync("/");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = response.Headers.Location.ShouldNotBeNull();
        var absolute = location.IsAbsoluteUri ? location : new Uri(new Uri("http://localhost"), location);
        absolute.AbsolutePath.ShouldBe(Browser.LoginPath);
        var query = QueryHelpers.ParseQuery(absolute.Query);
        query.ShouldContainKey("ReturnUrl");
        query["ReturnUrl"].ToString().ShouldBe("/");
    }

    [Fact]
    public async Task The_same_email_in_two_businesses_signs_into_the_business_named_on_the_form()
    {
        var email = $"shared-{Guid.NewGuid():N}@example.com";
        var password = Passwords.New();
        var a = await fixture.CreateTenantAsync(ownerEmail: email, ownerPassword: password);
        var b = await fixture.CreateTenantAsync(ownerEmail: email, ownerPassword: password);

        using var inA = fixture.CreateBrowser();
        await inA.SignInAsync(a.Name, email, password);
        var (statusA, htmlA, _) = await inA.GetPageAsync("/");
        using var inB = fixture.CreateBrowser();
        await inB.SignInAsync(b.Name, email, password);
        var (statusB, htmlB, _) = await inB.GetPageAsync("/");

        statusA.ShouldBe(HttpStatusCode.OK);
        htmlA.ShouldContain($"<h1>{Browser.Html(a.Name)}</h1>");
        htmlA.ShouldNotContain(Browser.Html(b.Name));
        statusB.ShouldBe(HttpStatusCode.OK);
        htmlB.ShouldContain($"<h1>{Browser.Html(b.Name)}</h1>");
        htmlB.ShouldNotContain(Browser.Html(a.Name));
    }

    [Fact]
    public async Task A_wrong_password_shows_the_form_again_with_a_generic_error_and_sets_no_auth_cookie()
    {
        var owner = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();

        using var response = await browser.PostLoginAsync(owner.Name, owner.Email, Passwords.New());
        var html = await response.Content.ReadAsStringAsync();
        using var home = await browser.GetAsync("/");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain(GenericError);
        html.ShouldContain("name=\"Input.Password\"");
        Browser.SetsAuthCookie(response).ShouldBeFalse();
        Browser.RedirectsToLogin(home).ShouldBeTrue();
    }

    [Fact]
    public async Task An_unknown_business_gets_the_same_generic_error_even_with_valid_credentials_elsewhere()
    {
        var owner = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();

        using var response = await browser.PostLoginAsync(Names.Business("Nobody"), owner.Email, owner.Password);
        var html = await response.Content.ReadAsStringAsync();
        using var home = await browser.GetAsync("/");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain(GenericError);
        html.ShouldNotContain(LockedOutError);
        Browser.SetsAuthCookie(response).ShouldBeFalse();
        Browser.RedirectsToLogin(home).ShouldBeTrue();
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_the_right_password_then_gets_the_wrong_password_answer()
    {
        var owner = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await browser.PostLoginAsync(owner.Name, owner.Email, Passwords.New());
            wrong.StatusCode.ShouldBe(HttpStatusCode.OK, $"wrong attempt {attempt}");
        }

        using var response = await browser.PostLoginAsync(owner.Name, owner.Email, owner.Password);
        var html = await response.Content.ReadAsStringAsync();
        using var home = await browser.GetAsync("/");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Alert(html).ShouldBe(GenericError);
        Browser.SetsAuthCookie(response).ShouldBeFalse();
        Browser.RedirectsToLogin(home).ShouldBeTrue();
    }

    [Fact]
    public async Task An_unknown_email_answers_exactly_like_a_real_one_with_a_wrong_password_however_often_it_is_tried()
    {
        var owner = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();
        var real = new List<(HttpStatusCode, string)>();
        var unknown = new List<(HttpStatusCode, string)>();
        for (var attempt = 1; attempt <= 6; attempt++)
        {
            using var wrong = await browser.PostLoginAsync(owner.Name, owner.Email, Passwords.New());
            real.Add((wrong.StatusCode, Alert(await wrong.Content.ReadAsStringAsync())));
            using var nobody = await browser.PostLoginAsync(owner.Name, $"nobody-{Guid.NewGuid():N}@example.com", Passwords.New());
            unknown.Add((nobody.StatusCode, Alert(await nobody.Content.ReadAsStringAsync())));
        }

        unknown.ShouldBe(real);
        real.ShouldAllBe(a => a.Item1 == HttpStatusCode.OK && a.Item2 == GenericError);
    }

    [Fact]
    public async Task Four_wrong_passwords_do_not_lock_the_account()
    {
        var owner = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var wrong = await browser.PostLoginAsync(owner.Name, owner.Email, Passwords.New());
            (await wrong.Content.ReadAsStringAsync()).ShouldNotContain(LockedOutError, customMessage: $"wrong attempt {attempt}");
        }

        await browser.SignInAsync(owner);
    }

    [Theory]
    [InlineData("https://evil.example/phish")]
    [InlineData("//evil.example/phish")]
    [InlineData("/\\evil.example/phish")]
    public async Task A_return_url_to_another_site_is_ignored_after_sign_in(string returnUrl)
    {
        var owner = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();

        using var response = await browser.PostLoginAsync(owner.Name, owner.Email, owner.Password, returnUrl);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location.ShouldNotBeNull().OriginalString.ShouldBe("/");
        Browser.SetsAuthCookie(response).ShouldBeTrue();
    }

    [Fact]
    public async Task A_local_return_url_is_honoured_after_sign_in()
    {
        var owner = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();

        using var response = await browser.PostLoginAsync(owner.Name, owner.Email, owner.Password, "/Index?from=login");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location.ShouldNotBeNull().OriginalString.ShouldBe("/Index?from=login");
    }

    /// <summary>The text of the form's error summary.</summary>
    private static string Alert(string html)
    {
        var match = System.Text.RegularExpressions.Regex.Match(html, "role=\"alert\"[^>]*>(.*?)</div>", System.Text.RegularExpressions.RegexOptions.Singleline);
        return System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(match.Groups[1].Value, "<[^>]+>", string.Empty)).Trim();
    }
}
