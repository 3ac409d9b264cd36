using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SmbAgent.Conversations;
using SmbAgent.Conversations.Chat;
using SmbAgent.Data;
using SmbAgent.Web.Tests.Workspace;

namespace SmbAgent.Web.Tests.RealBrowser.Conversations;

/// <summary>
/// Live takeover in Chromium: the owner finds the visitor waiting for a person, takes the chat over, writes, and sees
/// the visitor's next message appear without a reload, as text even when it is markup.
/// </summary>
public sealed class TakeoverBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Payload = "<script>alert(1)</script><img src=x onerror=alert(2)>";

    [Fact]
    public async Task The_owner_takes_over_writes_and_sees_the_visitors_reply_live_as_text_then_hands_back()
    {
        var owner = await fixture.CreateTenantAsync();
        var token = await fixture.Factory.InTenantAsync(owner.TenantId, async sp =>
        {
            var chat = sp.GetRequiredService<ChatAppService>();
            var started = await chat.StartAsync(new StartConversationDto(), visitor: null);
            await chat.SendAsync(started.Token, new SendMessageDto { Text = "Can I talk to a real person?", IdempotencyKey = Guid.NewGuid().ToString("N") });
            return started.Token;
        });
        var page = await fixture.NewPageAsync();
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };
        await BrowserFixture.SignInAsync(page, owner.Name, owner.Email, owner.Password);

        await page.GotoAsync("/Workspace/Conversations");
        await Assertions.Expect(page.Locator("#waiting-count")).ToHaveTextAsync("1");
        await page.Locator("#filter-waiting").ClickAsync();
        await Assertions.Expect(page.Locator("#conversations .conversation-waiting")).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Link, new() { Name = "Can I talk to a real person?" }).ClickAsync();
        await Assertions.Expect(page.Locator("#waiting-for-person")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Take over" }).ClickAsync();
        await Assertions.Expect(page.Locator("[role=status].alert-success")).ToContainTextAsync("You are answering this chat");
        await Assertions.Expect(page.Locator("#conversation-state")).ToHaveTextAsync("Handed to a person");
        await Assertions.Expect(page.Locator("#waiting-for-person")).ToBeHiddenAsync();
        await page.GetByLabel("Your message to the visitor").FillAsync("Hi, this is Sam from the team.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Assertions.Expect(page.Locator("#transcript .transcript-message").Last).ToContainTextAsync("Hi, this is Sam from the team.");
        (await page.Locator("#transcript .transcript-message").Last.GetAttributeAsync("data-role")).ShouldBe("Owner");

        await page.EvaluateAsync("() => { window.liveMarker = 'still the same page'; }");
        var reply = await fixture.Factory.InTenantAsync(owner.TenantId, sp =>
            sp.GetRequiredService<ChatAppService>().SendAsync(token, new SendMessageDto { Text = Payload, IdempotencyKey = Guid.NewGuid().ToString("N") }));
        var last = page.Locator("#transcript .transcript-message").Last;
        await Assertions.Expect(last.Locator(".message-text")).ToHaveTextAsync(Payload);

        await Assertions.Expect(page.Locator("#conversation-message-count")).ToHaveTextAsync("7");
        reply.Replies.ShouldBeEmpty();
        (await last.GetAttributeAsync("data-role")).ShouldBe("Visitor");
        (await page.EvaluateAsync<string>("() => window.liveMarker")).ShouldBe("still the same page");
        (await page.EvaluateAsync<int>("() => document.querySelectorAll('img, main script, [onerror]').length")).ShouldBe(0);
        await BrowserFixture.ScreenshotAsync(page, "conversation-takeover");

        await page.GetByRole(AriaRole.Button, new() { Name = "Hand back to the assistant" }).ClickAsync();
        await Assertions.Expect(page.Locator("[role=status].alert-success")).ToHaveTextAsync("The assistant is answering this chat again.");
        await Assertions.Expect(page.Locator("#conversation-state")).ToHaveTextAsync("Taking details");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Take over" })).ToBeVisibleAsync();
        dialogs.ShouldBeEmpty();
        var state = await fixture.Factory.InTenantAsync(owner.TenantId, sp => sp.GetRequiredService<ISmbAgentDbContext>().Conversations.Select(c => c.State).SingleAsync());
        state.ShouldBe(ConversationState.LeadCapture);
    }
}
