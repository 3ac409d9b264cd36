using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SmbAgent.Data;
using SmbAgent.Features;
using SmbAgent.SignUp;
using SmbAgent.Tenancy;
using SmbAgent.TestKit;

namespace SmbAgent.Web.Tests.RealBrowser.Account;

/// <summary>Sign-up in Chromium: from the login page's link to the signed-in home, and a duplicate name refused.</summary>
public sealed class SignUpBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_new_owner_signs_up_from_the_login_page_and_lands_home_signed_in_on_free_with_starter_questions()
    {
        var name = Names.Business("Pipes");
        var email = $"owner-{Guid.NewGuid():N}@example.com";
        var page = await fixture.NewPageAsync();

        await page.GotoAsync("/Account/Login");
        await page.GetByRole(AriaRole.Link, new() { Name = "Create your business" }).ClickAsync();
        await FillAsync(page, name, email, Passwords.New());
        await BrowserFixture.ScreenshotAsync(page, "account-sign-up");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create my business" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await BrowserFixture.ScreenshotAsync(page, "account-sign-up-landed");

        (await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).CountAsync()).ShouldBe(1);
        (await page.Locator("nav").InnerTextAsync()).ShouldContain(name);
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ISmbAgentDbContext>();
        var tenant = await db.Tenants.SingleAsync(t => t.NormalizedName == Tenant.NormalizeName(name));
        (await db.Editions.SingleAsync(e => e.Id == tenant.EditionId)).Name.ShouldBe(EditionMatrix.Free);
        using (scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(tenant.Id))
        {
            (await db.LeadQuestions.Select(q => q.Text).ToListAsync()).ShouldContain("What's happening?");
        }
    }

    [Fact]
    public async Task A_duplicate_business_name_shows_the_message_next_to_the_name()
    {
        var existing = await fixture.CreateTenantAsync();
        var page = await fixture.NewPageAsync();

        await page.GotoAsync("/Account/SignUp");
        await FillAsync(page, existing.Name, $"owner-{Guid.NewGuid():N}@example.com", Passwords.New());
        await page.GetByRole(AriaRole.Button, new() { Name = "Create my business" }).ClickAsync();
        var message = page.Locator("[data-valmsg-for='Input.BusinessName']");
        await message.WaitForAsync();
        await BrowserFixture.ScreenshotAsync(page, "account-sign-up-duplicate-name");

        (await message.InnerTextAsync()).ShouldBe(SignUpService.DuplicateNameMessage);
        new Uri(page.Url).AbsolutePath.ShouldBe("/Account/SignUp");
    }

    private static async Task FillAsync(IPage page, string name, string email, string password)
    {
        await page.GetByLabel("Business name").FillAsync(name);
        await page.GetByLabel("Business type").SelectOptionAsync(new SelectOptionValue { Label = "Plumbing" });
        await page.GetByLabel("Time zone").SelectOptionAsync("America/Denver");
        await page.GetByLabel("Your name").FillAsync("Pat Owner");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByLabel("Confirm password").FillAsync(password);
        await page.GetByLabel("I accept the terms").CheckAsync();
    }
}
