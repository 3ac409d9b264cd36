using System.Net;
using SmbAgent.TestKit;

namespace SmbAgent.Web.Tests.Account;

public sealed class LoginRateLimitTests(AccountFixture fixture) : IClassFixture<AccountFixture>
{
    [Fact]
    public async Task Past_the_limit_sign_in_posts_from_one_address_get_429_with_the_friendly_page_even_with_the_right_password()
    {
        var owner = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser(fixture.LowLimitFactory);
        for (var attempt = 1; attempt <= AccountFixture.LowSignUpLimit; attempt++)
        {
            using var allowed = await browser.PostLoginAsync(owner.Name, $"nobody-{attempt}@example.com", Passwords.New());
            allowed.StatusCode.ShouldBe(HttpStatusCode.OK, $"attempt {attempt} is within the limit");
        }

        using var refused = await browser.PostLoginAsync(owner.Name, owner.Email, owner.Password);
        var html = await refused.Content.ReadAsStringAsync();
        var formAgain = await browser.GetPageAsync(Browser.LoginPath);

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        html.ShouldContain("Too many requests", customMessage: html);
        Browser.SetsAuthCookie(refused).ShouldBeFalse();
        formAgain.Status.ShouldBe(HttpStatusCode.OK);
    }
}
