using Microsoft.Playwright;
using SmbAgent.Conversations;
using SmbAgent.Leads;
using SmbAgent.Web.Tests.Leads;

namespace SmbAgent.Web.Tests.RealBrowser.Leads;

/// <summary>The lead page in Chromium: markup a visitor typed stays text (the old product's stored XSS), and the follow-up form works.</summary>
public sealed class LeadBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Payload = "<script>alert(1)</script><img src=x onerror=alert(2)>";

    [Fact]
    public async Task Html_in_a_visitors_answers_renders_as_text_on_the_lead_page_and_runs_nothing()
    {
        var owner = await fixture.CreateTenantAsync();
        var (id, _) = await fixture.Factory.AddLeadAsync(owner.TenantId, new()
        {
            Name = "Mallory",
            Priority = LeadPriority.Urgent,
            Notes = Payload,
            Answers = [new(Guid.NewGuid(), "Describe the problem", Payload), new(Guid.NewGuid(), "Your name?", "Mallory")],
            Messages = [(MessageRole.Agent, "Hello!"), (MessageRole.Visitor, Payload)],
        });
        var page = await fixture.NewPageAsync();
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };
        await BrowserFixture.SignInAsync(page, owner.Name, owner.Email, owner.Password);

        await page.Locator("#sidebar").GetByRole(AriaRole.Link, new() { Name = "Leads", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#leads .lead-priority")).ToHaveTextAsync("URGENT");
        await BrowserFixture.ScreenshotAsync(page, "leads-list");
        await page.GetByRole(AriaRole.Link, new() { Name = "Mallory", Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        page.Url.ShouldEndWith(LeadPages.DetailsPath(id));
        var answer = page.Locator("#lead-answers .answer-value").First;
        await Assertions.Expect(answer).ToBeVisibleAsync();
        await Assertions.Expect(answer).ToHaveTextAsync(Payload);
        await Assertions.Expect(page.Locator("#lead-contact [data-field='notes']")).ToHaveTextAsync(Payload);
        await Assertions.Expect(page.Locator("#transcript .message-text").Nth(1)).ToHaveTextAsync(Payload);
        (await page.Locator("img").CountAsync()).ShouldBe(0);
        (await page.Locator("main script").CountAsync()).ShouldBe(0);
        (await page.EvaluateAsync<int>("() => document.querySelectorAll('img, main script, [onerror]').length")).ShouldBe(0);
        await BrowserFixture.ScreenshotAsync(page, "lead-details");

        await page.GetByLabel("Status").SelectOptionAsync("Contacted");
        await page.GetByLabel("Your notes").FillAsync("Called back; not a real customer.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator("[role=status]")).ToHaveTextAsync("The lead is updated.");
        await Assertions.Expect(page.Locator("#lead-status")).ToHaveTextAsync("Contacted");
        await Assertions.Expect(page.Locator("#lead-answers .answer-value").First).ToHaveTextAsync(Payload);

        // A dialog opened by an injected script would have been recorded by now: both page loads are complete.
        dialogs.ShouldBeEmpty();
        (await fixture.Factory.LeadAsync(owner.TenantId, id)).OwnerNotes.ShouldBe("Called back; not a real customer.");
    }
}
