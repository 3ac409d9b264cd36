using System.Net;
using SmbAgent.Conversations;
using SmbAgent.Leads;
using SmbAgent.Web.Tests.Workspace;
using static SmbAgent.Web.Tests.Leads.LeadPages;

namespace SmbAgent.Web.Tests.Leads;

/// <summary>Staff follow up leads too; another business's leads and conversations are 404; what visitors typed is text.</summary>
public sealed class LeadAccessTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    private const string Payload = "<script>alert(1)</script><img src=x onerror=alert(2)>";

    [Fact]
    public async Task Staff_list_open_update_and_export_leads_and_read_conversations()
    {
        var owner = await fixture.CreateTenantAsync();
        var (id, conversation) = await fixture.Factory.AddLeadAsync(owner.TenantId, new() { Name = "Staff handled" });
        var staff = await fixture.Factory.CreateStaffAsync(owner);
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(staff);

        var list = await browser.OpenAsync(ListPath);
        var details = await browser.OpenAsync(DetailsPath(id));
        using var update = await PostFollowUpAsync(browser, id, "Contacted", "Left a voicemail.");
        using var export = await browser.GetAsync($"{ListPath}?handler=Export");
        var conversations = await browser.OpenAsync(ConversationsPath);
        var transcript = await browser.OpenAsync(ConversationPath(conversation));

        Names(list).ShouldBe(["Staff handled"]);
        Parse(details).QuerySelector("#lead-form").ShouldNotBeNull();
        update.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await fixture.Factory.LeadAsync(owner.TenantId, id)).Status.ShouldBe(LeadStatus.Contacted);
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await export.Content.ReadAsStringAsync()).ShouldContain("Staff handled");
        Parse(conversations).QuerySelectorAll("#conversations tr.conversation-row").Length.ShouldBe(1);
        Parse(transcript).QuerySelector("#transcript").ShouldNotBeNull();
    }

    [Fact]
    public async Task Another_businesss_lead_and_conversation_are_404_to_view_and_update_and_never_listed_or_exported()
    {
        var other = await fixture.CreateTenantAsync();
        var (theirLead, theirConversation) = await fixture.Factory.AddLeadAsync(other.TenantId, new() { Name = "Their customer", Priority = LeadPriority.Urgent });
        var owner = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);

        using var view = await browser.GetAsync(DetailsPath(theirLead));
        using var update = await PostFollowUpBlindAsync(browser, theirLead, "Lost", "hijacked");
        using var conversation = await browser.GetAsync(ConversationPath(theirConversation));
        var list = await browser.OpenAsync(ListPath);
        var conversations = await browser.OpenAsync(ConversationsPath);
        using var export = await browser.GetAsync($"{ListPath}?handler=Export");

        view.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        update.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        conversation.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        list.ShouldNotContain("Their customer");
        Parse(conversations).QuerySelector("#conversations-empty").ShouldNotBeNull();
        (await export.Content.ReadAsStringAsync()).ShouldNotContain("Their customer");
        var untouched = await fixture.Factory.LeadAsync(other.TenantId, theirLead);
        (untouched.Status, untouched.OwnerNotes).ShouldBe((LeadStatus.New, null));
    }

    [Fact]
    public async Task Signed_out_visitors_are_sent_to_sign_in_from_every_follow_up_page()
    {
        var owner = await fixture.CreateTenantAsync();
        var (id, conversation) = await fixture.Factory.AddLeadAsync(owner.TenantId, new() { Name = "Private" });
        using var browser = fixture.CreateBrowser();

        foreach (var path in new[] { ListPath, DetailsPath(id), $"{ListPath}?handler=Export", ConversationsPath, ConversationPath(conversation) })
        {
            using var response = await browser.GetAsync(path);
            Browser.RedirectsToLogin(response).ShouldBeTrue(path);
        }
    }

    [Fact]
    public async Task Html_a_visitor_typed_is_rendered_as_text_on_the_list_the_lead_and_the_conversation()
    {
        var owner = await fixture.CreateTenantAsync();
        var (id, conversation) = await fixture.Factory.AddLeadAsync(owner.TenantId, new()
        {
            Name = Payload,
            Email = "\"><script>alert(3)</script>@example.com",
            Phone = "javascript:alert(4)",
            Address = Payload,
            Notes = Payload,
            Answers = [new(Guid.NewGuid(), "Describe the problem", Payload)],
            Messages = [(MessageRole.Agent, "Hi!"), (MessageRole.Visitor, Payload)],
        });
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);

        var pages = new[]
        {
            await browser.OpenAsync(ListPath),
            await browser.OpenAsync(DetailsPath(id)),
            await browser.OpenAsync(ConversationsPath),
            await browser.OpenAsync(ConversationPath(conversation)),
        };

        foreach (var html in pages)
        {
            html.ShouldNotContain("<script>alert");
            html.ShouldNotContain("<img src=x");
            Parse(html).QuerySelectorAll("script").ShouldAllBe(s => s.HasAttribute("src"));
            Parse(html).QuerySelectorAll("img").ShouldBeEmpty();
            Parse(html).QuerySelectorAll("a[href^='javascript:']").ShouldBeEmpty();
        }

        Names(pages[0]).ShouldBe([Payload]);
        Parse(pages[1]).QuerySelector("#lead-answers .answer-value")!.TextContent.Trim().ShouldBe(Payload);
        Parse(pages[1]).QuerySelector("#lead-contact a[href^='tel:']")!.GetAttribute("href").ShouldBe("tel:javascript:alert(4)");
        Parse(pages[3]).QuerySelectorAll("#transcript .message-text")[1].TextContent.ShouldBe(Payload);
    }
}
