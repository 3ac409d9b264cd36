using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Conversations;
using SmbAgent.EntityFrameworkCore;
using SmbAgent.Identity;
using SmbAgent.Permissions;
using SmbAgent.Web.Tests.Workspace;
using static SmbAgent.Web.Tests.Leads.LeadPages;

namespace SmbAgent.Web.Tests.Leads;

/// <summary>The conversation page's takeover over HTTP: who may, with which token, in which business, and what the poll returns.</summary>
public sealed class TakeoverPageTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    private const string Payload = "<script>alert(1)</script><img src=x onerror=alert(2)>";

    [Fact]
    public async Task Staff_take_over_write_and_hand_back_and_the_poll_returns_only_newer_messages_as_text()
    {
        var owner = await fixture.CreateTenantAsync();
        var (_, conversation) = await fixture.Factory.AddLeadAsync(owner.TenantId, new() { Messages = [(MessageRole.Agent, "Hello!"), (MessageRole.Visitor, Payload)] });
        var staff = await fixture.Factory.CreateStaffAsync(owner);
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(staff);

        using var takeOver = await HtmlForm.Parse(await browser.OpenAsync(ConversationPath(conversation)), "#take-over-form", ConversationPath(conversation)).PostAsync(browser);
        var page = await browser.OpenAsync(ConversationPath(conversation));
        using var sent = await HtmlForm.Parse(page, "#owner-message-form", ConversationPath(conversation)).Set("Input.Text", "On my way.").PostAsync(browser);
        var poll = await PollAsync(browser, conversation, after: 1);
        using var handBack = await HtmlForm.Parse(await browser.OpenAsync(ConversationPath(conversation)), "#hand-back-form", ConversationPath(conversation)).PostAsync(browser);

        (takeOver.StatusCode, sent.StatusCode, handBack.StatusCode).ShouldBe((HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect));
        poll.GetProperty("state").GetString().ShouldBe("HandOff");
        poll.GetProperty("stateLabel").GetString().ShouldBe("Handed to a person");
        poll.GetProperty("messages").EnumerateArray().Select(m => (m.GetProperty("sequence").GetInt32(), m.GetProperty("role").GetString(), m.GetProperty("text").GetString()))
            .ShouldBe([(2, "Visitor", Payload), (3, "Agent", "You're now chatting with a person from the team."), (4, "Owner", "On my way.")]);
        var stored = await ConversationAsync(owner.TenantId, conversation);
        (stored.State, stored.MessageCount).ShouldBe((ConversationState.Completed, 5));
    }

    [Fact]
    public async Task The_list_counts_and_filters_the_visitors_waiting_for_a_person()
    {
        var owner = await fixture.CreateTenantAsync();
        var (_, waiting) = await fixture.Factory.AddLeadAsync(owner.TenantId, new() { Messages = [(MessageRole.Visitor, "A person please")] });
        await fixture.Factory.AddLeadAsync(owner.TenantId, new() { Messages = [(MessageRole.Visitor, "Just browsing")] });
        await fixture.Factory.InTenantAsync(owner.TenantId, async sp =>
        {
            var db = sp.GetRequiredService<SmbAgentDbContext>();
            (await db.Conversations.SingleAsync(c => c.Id == waiting)).HumanRequestedTime = DateTimeOffset.UtcNow;
            await db.SaveChangesAsync();
        });
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);

        var all = Parse(await browser.OpenAsync(ConversationsPath));
        var filtered = Parse(await browser.OpenAsync($"{ConversationsPath}?waiting=true"));

        all.QuerySelector("#waiting-count")!.TextContent.ShouldBe("1");
        all.QuerySelectorAll("#conversations tr.conversation-row").Length.ShouldBe(2);
        all.QuerySelectorAll("#conversations .conversation-waiting").Length.ShouldBe(1);
        filtered.QuerySelectorAll("#conversations tr.conversation-row").Select(r => r.GetAttribute("data-id")).ShouldBe([waiting.ToString()]);
        filtered.QuerySelector("#filter-waiting")!.GetAttribute("aria-current").ShouldBe("page");
    }

    [Fact]
    public async Task Without_permission_to_update_leads_the_controls_are_hidden_and_a_takeover_is_forbidden()
    {
        var owner = await fixture.CreateTenantAsync();
        var (_, conversation) = await fixture.Factory.AddLeadAsync(owner.TenantId, new());
        var staff = await fixture.Factory.CreateStaffAsync(owner);
        await fixture.Factory.InTenantAsync(owner.TenantId, async sp =>
        {
            var db = sp.GetRequiredService<SmbAgentDbContext>();
            var staffRole = await db.Roles.Where(r => r.Name == SmbRoles.Staff).Select(r => r.Id).SingleAsync();
            db.RoleClaims.RemoveRange(await db.RoleClaims.Where(c => c.RoleId == staffRole && c.ClaimValue == SmbPermissions.Leads.Manage).ToListAsync());
            await db.SaveChangesAsync();
        });
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(staff);

        var page = await browser.OpenAsync(ConversationPath(conversation));
        using var takeOver = await PostBlindAsync(browser, conversation, "TakeOver");

        Parse(page).QuerySelector("#takeover").ShouldBeNull();
        Parse(page).QuerySelector("#transcript").ShouldNotBeNull();
        takeOver.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await ConversationAsync(owner.TenantId, conversation)).State.ShouldBe(ConversationState.Completed);
    }

    [Fact]
    public async Task Another_businesss_conversation_is_404_to_take_over_write_to_and_poll()
    {
        var other = await fixture.CreateTenantAsync();
        var (_, theirs) = await fixture.Factory.AddLeadAsync(other.TenantId, new());
        var owner = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);

        using var takeOver = await PostBlindAsync(browser, theirs, "TakeOver");
        using var send = await PostBlindAsync(browser, theirs, "Send", ("Input.Text", "hijacked"));
        using var poll = await browser.GetAsync($"{ConversationPath(theirs)}?handler=Messages&after=0");

        (takeOver.StatusCode, send.StatusCode, poll.StatusCode).ShouldBe((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound));
        var untouched = await ConversationAsync(other.TenantId, theirs);
        (untouched.State, untouched.MessageCount).ShouldBe((ConversationState.Completed, 2));
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        var owner = await fixture.CreateTenantAsync();
        var (_, conversation) = await fixture.Factory.AddLeadAsync(owner.TenantId, new());
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);

        using var content = new FormUrlEncodedContent([]);
        using var takeOver = await browser.Client.PostAsync(new Uri($"{ConversationPath(conversation)}?handler=TakeOver", UriKind.Relative), content);

        takeOver.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ConversationAsync(owner.TenantId, conversation)).State.ShouldBe(ConversationState.Completed);
    }

    [Fact]
    public async Task An_empty_or_too_long_message_or_one_before_taking_over_is_refused_with_a_friendly_message()
    {
        var owner = await fixture.CreateTenantAsync();
        var (_, conversation) = await fixture.Factory.AddLeadAsync(owner.TenantId, new());
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);

        using var early = await PostBlindAsync(browser, conversation, "Send", ("Input.Text", "Hello?"));
        var earlyPage = await early.Content.ReadAsStringAsync();
        using var _ = await HtmlForm.Parse(await browser.OpenAsync(ConversationPath(conversation)), "#take-over-form", ConversationPath(conversation)).PostAsync(browser);
        using var empty = await PostBlindAsync(browser, conversation, "Send", ("Input.Text", "   "));
        using var tooLong = await PostBlindAsync(browser, conversation, "Send", ("Input.Text", new string('x', ConversationConsts.MaxMessageLength + 1)));

        early.StatusCode.ShouldBe(HttpStatusCode.OK);
        earlyPage.ShouldContain("Take the conversation over before writing to the visitor");
        (await empty.Content.ReadAsStringAsync()).ShouldContain("Write a message.");
        (await tooLong.Content.ReadAsStringAsync()).ShouldContain($"A message can&#x27;t be longer than {ConversationConsts.MaxMessageLength} characters.");
        (await ConversationAsync(owner.TenantId, conversation)).MessageCount.ShouldBe(3);
    }

    private static async Task<JsonElement> PollAsync(Browser browser, Guid conversation, int after)
    {
        using var response = await browser.GetAsync($"{ConversationPath(conversation)}?handler=Messages&after={after}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Posts to a handler of the conversation page with a token from the business's own conversations list.</summary>
    private static async Task<HttpResponseMessage> PostBlindAsync(Browser browser, Guid conversation, string handler, params (string Name, string Value)[] fields)
    {
        var token = Browser.AntiforgeryToken(await browser.OpenAsync(ConversationsPath));
        using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);
        return await browser.Client.PostAsync(new Uri($"{ConversationPath(conversation)}?handler={handler}", UriKind.Relative), content);
    }

    private Task<Conversation> ConversationAsync(Guid tenantId, Guid id) =>
        fixture.Factory.InTenantAsync(tenantId, sp => sp.GetRequiredService<SmbAgentDbContext>().Conversations.AsNoTracking().SingleAsync(c => c.Id == id));
}
