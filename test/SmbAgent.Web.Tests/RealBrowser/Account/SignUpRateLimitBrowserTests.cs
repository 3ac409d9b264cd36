using Microsoft.Playwright;
using SmbAgent.TestKit;
using SmbAgent.Web.Pages.Account;

namespace SmbAgent.Web.Tests.RealBrowser.Account;

/// <summary>
/// The sign-up limit with its default setting, in a fixture of its own (the limit counts per address, and
/// every test browser comes from 127.0.0.1): the post past the limit gets 429 and the friendly page.
/// </summary>
public sealed class SignUpRateLimitBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Past_the_default_limit_a_sign_up_post_gets_429_and_the_friendly_page()
    {
        var page = await fixture.NewPageAsync();
        IResponse? last = null;
        for (var attempt = 1; attempt <= SignUpRateLimit.DefaultLimit + 1; attempt++)
        {
            await page.GotoAsync("/Account/SignUp");
            await page.GetByLabel("Business name").FillAsync(Names.Business());
            last = await page.RunAndWaitForResponseAsync(
                () => page.GetByRole(AriaRole.Button, new() { Name = "Create my business" }).ClickAsync(),
                response => response.Request.Method == "POST");
            if (attempt <= SignUpRateLimit.DefaultLimit)
            {
                last.Status.ShouldBe(200, $"attempt {attempt} is within the limit (the form comes back with its messages)");
            }
        }

        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        await BrowserFixture.ScreenshotAsync(page, "account-sign-up-rate-limited");

        last.ShouldNotBeNull().Status.ShouldBe(429);
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Too many requests");
    }
}
