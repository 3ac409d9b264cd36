using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using SmbAgent.Web.Tests.Host;

namespace SmbAgent.Web.Tests.Hosting;

/// <summary>Every answer of the admin carries its security headers: pages, status pages, static files, the jobs dashboard.</summary>
public sealed class SecurityHeadersTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    private const string StrictPolicy =
        "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    [Theory]
    [InlineData("/Account/Login", HttpStatusCode.OK)]
    [InlineData("/Account/SignUp", HttpStatusCode.OK)]
    [InlineData("/no-such-page", HttpStatusCode.NotFound)]
    [InlineData("/css/site.css", HttpStatusCode.OK)]
    [InlineData("/lib/bootstrap/js/bootstrap.bundle.min.js", HttpStatusCode.OK)]
    [InlineData("/health", HttpStatusCode.OK)]
    public async Task An_anonymous_answer_carries_the_strict_headers(string path, HttpStatusCode status)
    {
        using var browser = fixture.CreateBrowser();

        using var response = await browser.GetAsync(path);

        response.StatusCode.ShouldBe(status);
        ShouldCarryTheHeaders(response, StrictPolicy);
    }

    [Fact]
    public async Task A_signed_in_page_carries_the_strict_headers_and_the_auth_cookie_is_secure()
    {
        var owner = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();

        using var login = await browser.PostLoginAsync(owner.Name, owner.Email, owner.Password);
        using var home = await browser.GetAsync("/");

        login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(Browser.AuthCookieName + "=", StringComparison.Ordinal))
            .ShouldContain("secure", Case.Insensitive);
        home.StatusCode.ShouldBe(HttpStatusCode.OK);
        ShouldCarryTheHeaders(home, StrictPolicy);
    }

    [Fact]
    public async Task The_jobs_dashboard_may_run_its_own_inline_scripts_and_styles_but_is_never_framed()
    {
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsHostAdminAsync();

        using var response = await browser.GetAsync("/hangfire");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        ShouldCarryTheHeaders(response,
            "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'");
    }

    [Fact]
    public async Task Outside_development_an_https_answer_tells_browsers_to_keep_to_https()
    {
        const string publicAddress = "https://admin.smbagent.example";
        await using var factory = fixture.Factory.WithWebHostBuilder(b => b.UseSetting("PublicUrls:Admin", publicAddress));
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(publicAddress) });

        using var response = await client.GetAsync(new Uri("/Account/Login", UriKind.Relative));

        response.Headers.Contains("Strict-Transport-Security").ShouldBeTrue();
    }

    private static void ShouldCarryTheHeaders(HttpResponseMessage response, string policy)
    {
        response.Headers.GetValues("Content-Security-Policy").ShouldBe([policy]);
        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        response.Headers.GetValues("Referrer-Policy").ShouldBe(["strict-origin-when-cross-origin"]);
        response.Headers.GetValues("X-Frame-Options").ShouldBe(["DENY"]);
    }
}
