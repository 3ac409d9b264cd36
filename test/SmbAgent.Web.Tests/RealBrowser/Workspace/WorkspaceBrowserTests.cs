using Microsoft.Playwright;

namespace SmbAgent.Web.Tests.RealBrowser.Workspace;

/// <summary>The tenant workspace in Chromium: the plan's question limit, keyboard and drag reordering, profile validation.</summary>
public sealed class WorkspaceBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_free_owner_adds_questions_until_five_and_the_sixth_is_refused_with_the_upgrade_prompt()
    {
        var owner = await fixture.CreateTenantAsync();
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, owner.Name, owner.Email, owner.Password);
        await page.GotoAsync("/Workspace/Questions");
        var rows = page.Locator("#questions tbody tr");

        for (var n = await rows.CountAsync() + 1; n <= 6; n++)
        {
            await page.GotoAsync("/Workspace/Questions");
            await page.GetByRole(AriaRole.Link, new() { Name = "Add a question" }).ClickAsync();
            await page.GetByLabel("Question", new() { Exact = true }).FillAsync($"Question number {n}?");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save question" }).ClickAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }

        var prompt = page.Locator(".upgrade-prompt");
        await prompt.WaitForAsync();
        await BrowserFixture.ScreenshotAsync(page, "workspace-question-limit");
        (await prompt.InnerTextAsync()).ShouldContain("Your plan allows 5 lead questions");
        (await prompt.Locator(".badge").AllInnerTextsAsync()).ShouldBe(["BASIC", "PRO"]);
        await page.GotoAsync("/Workspace/Questions");
        await BrowserFixture.ScreenshotAsync(page, "workspace-questions");
        (await rows.CountAsync()).ShouldBe(5);
        (await page.Locator("#question-count").InnerTextAsync()).Trim().ShouldBe("5 of 5 questions");
        (await page.Locator("#questions").InnerTextAsync()).ShouldNotContain("Question number 6?");
    }

    [Fact]
    public async Task Questions_are_reordered_with_the_keyboard_move_buttons()
    {
        var owner = await fixture.CreateTenantAsync();
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, owner.Name, owner.Email, owner.Password);
        await page.GotoAsync("/Workspace/Questions");
        var texts = page.Locator("#questions tbody .question-text");
        var before = await texts.AllInnerTextsAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = $"Move down: {before[0]}" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(texts).ToHaveTextAsync([before[1], before[0], .. before.Skip(2)]);
        await page.GetByRole(AriaRole.Button, new() { Name = $"Move up: {before[^1]}" }).FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(texts).ToHaveTextAsync([before[1], before[0], .. before.Skip(2).SkipLast(2), before[^1], before[^2]]);
        await BrowserFixture.ScreenshotAsync(page, "workspace-questions-reordered");
    }

    [Fact]
    public async Task Questions_are_reordered_by_drag_and_drop()
    {
        var owner = await fixture.CreateTenantAsync();
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, owner.Name, owner.Email, owner.Password);
        await page.GotoAsync("/Workspace/Questions");
        var texts = page.Locator("#questions tbody .question-text");
        var before = await texts.AllInnerTextsAsync();

        var target = page.Locator("#questions tbody tr").Nth(2);
        var box = (await target.BoundingBoxAsync()).ShouldNotBeNull();
        // Dropped on the lower half of the third row: the first row goes after it.
        await page.Locator("#questions tbody tr").Nth(0).DragToAsync(target, new() { TargetPosition = new() { X = 20, Y = box.Height - 4 } });
        await page.GetByText("The new order is saved.").WaitForAsync();
        var after = await texts.AllInnerTextsAsync();

        after.ShouldBe([before[1], before[2], before[0], .. before.Skip(3)]);
    }

    [Fact]
    public async Task Saving_the_profile_with_an_invalid_phone_shows_the_message_next_to_the_field()
    {
        var owner = await fixture.CreateTenantAsync();
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, owner.Name, owner.Email, owner.Password);
        await page.GotoAsync("/Workspace/Profile");

        await page.GetByRole(AriaRole.Button, new() { Name = "Add a phone" }).ClickAsync();
        await page.GetByLabel("Contact 1 phone").FillAsync("12345");
        await page.GetByLabel("Address").FillAsync("1 Main Street");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save profile" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var message = page.Locator(".contact-row").Nth(0).Locator("[data-valmsg-for='Input.Contacts[0].Value']");
        await BrowserFixture.ScreenshotAsync(page, "workspace-profile-invalid-phone");

        (await message.InnerTextAsync()).ShouldBe("Enter a valid phone number.");
        (await page.GetByLabel("Contact 1 phone").InputValueAsync()).ShouldBe("12345");
    }

    [Fact]
    public async Task Every_workspace_page_renders_for_an_owner()
    {
        var owner = await fixture.CreateTenantAsync();
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, owner.Name, owner.Email, owner.Password);

        foreach (var (path, heading, screenshot) in new[]
                 {
                     ("/", owner.Name, "workspace-home"),
                     ("/Workspace/Profile", "Business profile", "workspace-profile"),
                     ("/Workspace/Agent", "Agent settings", "workspace-agent"),
                     ("/Workspace/Install", "Install the chat widget", "workspace-install"),
                     ("/Workspace/Questions/Edit", "Add a lead question", "workspace-question-edit"),
                     ("/Workspace/Team", "Team", "workspace-team"),
                     ("/Workspace/Plan", "Plan", "workspace-plan"),
                     ("/Workspace/Knowledge", "Knowledge base", "workspace-knowledge"),
                     ("/Workspace/Knowledge/AddText", "Add content", "workspace-knowledge-add-text"),
                     ("/Workspace/Knowledge/AddUrl", "Add content", "workspace-knowledge-add-url"),
                     ("/Workspace/Knowledge/AddPdf", "Add content", "workspace-knowledge-add-pdf"),
                     ("/Workspace/Knowledge/Test", "Test a question", "workspace-knowledge-test"),
                 })
        {
            var response = await page.GotoAsync(path);
            await BrowserFixture.ScreenshotAsync(page, screenshot);
            response!.Status.ShouldBe(200, path);
            (await page.Locator("h1").InnerTextAsync()).ShouldBe(heading, path);
        }
    }
}
