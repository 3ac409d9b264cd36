using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SmbAgent.EntityFrameworkCore;
using SmbAgent.Tenancy;
using SmbAgent.TestKit;
using SmbAgent.Workspace;

namespace SmbAgent.Web.Tests.RealBrowser;

/// <summary>
/// Issue 3's "done when", in one browser session per person: a new owner signs up, completes the profile,
/// the agent and the questions; the platform admin moves the business to PRO; the owner's voice settings
/// appear and save, and the question the FREE plan refused can be added.
/// </summary>
public sealed class JourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_owner_signs_up_and_sets_up_and_after_the_host_moves_them_to_pro_saves_voice_settings()
    {
        var business = Names.Business("Journey Plumbing");
        var email = $"journey-{Guid.NewGuid():N}@example.com";
        var password = Passwords.New();
        var owner = await fixture.NewPageAsync();

        await owner.GotoAsync("/Account/SignUp");
        await owner.GetByLabel("Business name").FillAsync(business);
        await owner.GetByLabel("Business type").SelectOptionAsync(new SelectOptionValue { Label = "Plumbing" });
        await owner.GetByLabel("Time zone").SelectOptionAsync("America/Chicago");
        await owner.GetByLabel("Your name").FillAsync("Pat Owner");
        await owner.GetByLabel("Email").FillAsync(email);
        await owner.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await owner.GetByLabel("Confirm password").FillAsync(password);
        await owner.GetByLabel("I accept the terms").CheckAsync();
        await BrowserFixture.ScreenshotAsync(owner, "journey-1-sign-up");
        await owner.GetByRole(AriaRole.Button, new() { Name = "Create my business" }).ClickAsync();
        await owner.Locator("#checklist").WaitForAsync();
        await BrowserFixture.ScreenshotAsync(owner, "journey-2-checklist");
        (await owner.Locator("h1").InnerTextAsync()).ShouldBe(business);
        (await owner.Locator("#current-edition").InnerTextAsync()).ShouldBe("Free");

        await owner.GotoAsync("/Workspace/Profile");
        await owner.GetByLabel("Address").FillAsync("12 Water Street, Springfield");
        await owner.GetByRole(AriaRole.Button, new() { Name = "Add an email" }).ClickAsync();
        await owner.Locator("input[name='Input.Contacts[0].Value']").FillAsync("alerts@journey.example");
        await owner.GetByRole(AriaRole.Button, new() { Name = "Save profile" }).ClickAsync();
        await owner.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await BrowserFixture.ScreenshotAsync(owner, "journey-3-profile");

        await owner.GotoAsync("/Workspace/Agent");
        await owner.GetByLabel("Welcome message").FillAsync("Hi, this is Journey Plumbing. Burst pipe? We're on it.");
        (await owner.Locator(".upgrade-prompt").CountAsync()).ShouldBe(1, "FREE shows the upgrade prompt instead of voice settings");
        await owner.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await owner.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await owner.GotoAsync("/");
        (await owner.Locator("#checklist li[data-status='Done']").AllInnerTextsAsync())
            .ShouldContain(text => text.Contains("Customise the agent", StringComparison.Ordinal));
        (await owner.Locator("#checklist li[data-status='Done']").AllInnerTextsAsync())
            .ShouldContain(text => text.Contains("Complete the business profile", StringComparison.Ordinal));

        await AddQuestionAsync(owner, "When did the problem start?");
        await owner.Locator(".upgrade-prompt").WaitForAsync();
        await BrowserFixture.ScreenshotAsync(owner, "journey-3b-question-limit");

        var tenantId = await TenantIdAsync(business);
        var host = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(host, null, TestSettings.HostAdminEmail, TestSettings.HostAdminPassword);
        await host.GotoAsync($"/Host/Tenants/Edit/{tenantId}");
        await host.GetByLabel("Edition").SelectOptionAsync(new SelectOptionValue { Label = "Pro" });
        await host.GetByRole(AriaRole.Button, new() { Name = "Save details" }).ClickAsync();
        await host.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await BrowserFixture.ScreenshotAsync(host, "journey-4-host-moves-to-pro");

        await AddQuestionAsync(owner, "When did the problem start?");
        await owner.GotoAsync("/Workspace/Questions");
        (await owner.Locator("#questions").InnerTextAsync()).ShouldContain("When did the problem start?");

        await owner.GotoAsync("/Workspace/Agent");
        await owner.Locator("#voice-settings select[name='Input.Voice']").SelectOptionAsync("nova");
        await owner.GetByLabel("Premium voice").CheckAsync();
        await owner.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await owner.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await owner.GotoAsync("/Workspace/Agent");
        await BrowserFixture.ScreenshotAsync(owner, "journey-5-voice-settings");

        (await owner.Locator(".upgrade-prompt").CountAsync()).ShouldBe(0);
        (await owner.Locator("#voice-settings select[name='Input.Voice']").InputValueAsync()).ShouldBe("nova");
        var (profile, agent) = await SavedSettingsAsync(tenantId);
        profile.Address.ShouldBe("12 Water Street, Springfield");
        profile.Contacts.ShouldContain(c => c.Kind == ContactKind.Email && c.Value == "alerts@journey.example");
        profile.TimeZone.ShouldBe("America/Chicago");
        agent.WelcomeMessage.ShouldBe("Hi, this is Journey Plumbing. Burst pipe? We're on it.");
        agent.Voice.ShouldBe("nova");
        agent.UsePremiumVoice.ShouldBeTrue();
    }

    private static async Task AddQuestionAsync(IPage page, string text)
    {
        await page.GotoAsync("/Workspace/Questions");
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a question" }).ClickAsync();
        await page.GetByLabel("Question", new() { Exact = true }).FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save question" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    private async Task<Guid> TenantIdAsync(string name)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var normalized = Tenant.NormalizeName(name);
        return await scope.ServiceProvider.GetRequiredService<SmbAgentDbContext>().Tenants
            .Where(t => t.NormalizedName == normalized).Select(t => t.Id).SingleAsync();
    }

    private async Task<(BusinessProfile Profile, AgentSettings Agent)> SavedSettingsAsync(Guid tenantId)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        using (scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(tenantId))
        {
            var db = scope.ServiceProvider.GetRequiredService<SmbAgentDbContext>();
            return (await db.BusinessProfiles.AsNoTracking().SingleAsync(), await db.AgentSettings.AsNoTracking().SingleAsync());
        }
    }
}
