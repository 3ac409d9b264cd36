using System.Net;

namespace SmbAgent.Web.Tests.Account;

/// <summary>Sign-out is a POST with the antiforgery token; a GET (a link on another site) signs nobody out.</summary>
public sealed class LogoutTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    [Fact]
    public async Task Posting_the_sign_out_form_signs_out_and_GET_does_not()
    {
        var owner = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);
        var html = (await browser.GetPageAsync("/")).Html;
        var token = Browser.AntiforgeryToken(html);

        using var get = await browser.GetAsync(Browser.LogoutPath);
        using var stillIn = await browser.GetAsync("/");
        using var post = await browser.PostLogoutAsync(token);
        using var afterPost = await browser.GetAsync("/");

        get.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        Browser.ClearsAuthCookie(get).ShouldBeFalse();
        stillIn.StatusCode.ShouldBe(HttpStatusCode.OK, "a GET of the logout page must not sign out");
        post.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        Browser.RedirectsToLogin(post).ShouldBeTrue();
        Browser.ClearsAuthCookie(post).ShouldBeTrue();
        Browser.RedirectsToLogin(afterPost).ShouldBeTrue();
    }

    [Fact]
    public async Task Posting_sign_out_without_the_antiforgery_token_is_refused_and_signs_nobody_out()
    {
        var owner = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);

        using var post = await browser.PostLogoutAsync(token: null);
        using var home = await browser.GetAsync("/");

        post.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        Browser.ClearsAuthCookie(post).ShouldBeFalse();
        home.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
