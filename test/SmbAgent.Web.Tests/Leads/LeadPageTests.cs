using System.Net;
using System.Text;
using SmbAgent.Conversations;
using SmbAgent.Leads;
using SmbAgent.Notifications;
using SmbAgent.Web.Tests.Workspace;
using static SmbAgent.Web.Tests.Leads.LeadPages;

namespace SmbAgent.Web.Tests.Leads;

/// <summary>An owner follows up leads in the admin: the list, a lead, the follow-up form, the CSV export and the conversations.</summary>
public sealed class LeadPageTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    private static readonly DateTimeOffset Day = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_list_shows_priority_badges_and_filters_searches_and_sorts_through_the_query_string()
    {
        var owner = await fixture.CreateTenantAsync();
        await fixture.Factory.AddLeadAsync(owner.TenantId, new() { Created = Day.AddHours(-2), Name = "Flooded Fiona", Priority = LeadPriority.Urgent });
        await fixture.Factory.AddLeadAsync(owner.TenantId, new() { Created = Day, Name = "Calm Carl", Email = "carl@example.com", Status = LeadStatus.Contacted });
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);

        var list = await browser.OpenAsync(ListPath);
        var urgent = await browser.OpenAsync($"{ListPath}?priority=Urgent");
        var searched = await browser.OpenAsync($"{ListPath}?q=CARL%40example");
        var contacted = await browser.OpenAsync($"{ListPath}?status=Contacted");
        var byPriority = await browser.OpenAsync($"{ListPath}?sort=Priority");
        var onePerPage = await browser.OpenAsync($"{ListPath}?size=1&p=2");

        Names(list).ShouldBe(["Calm Carl", "Flooded Fiona"]);
        var fiona = Parse(list).QuerySelectorAll("#leads tr.lead-row")[1];
        var badge = fiona.QuerySelector(".lead-priority").ShouldNotBeNull();
        (badge.TextContent, badge.ClassList.Contains("text-bg-danger")).ShouldBe(("URGENT", true));
        fiona.QuerySelector(".lead-status")!.TextContent.ShouldBe("New");
        Parse(list).QuerySelector("#lead-count")!.TextContent.ShouldStartWith("2 leads");
        Names(urgent).ShouldBe(["Flooded Fiona"]);
        Parse(urgent).QuerySelector("#priority option[selected]")!.GetAttribute("value").ShouldBe("Urgent");
        Names(searched).ShouldBe(["Calm Carl"]);
        Names(contacted).ShouldBe(["Calm Carl"]);
        Names(byPriority).ShouldBe(["Flooded Fiona", "Calm Carl"]);
        Names(onePerPage).ShouldBe(["Flooded Fiona"]);
        Parse(onePerPage).QuerySelectorAll(".pagination a.page-link[href]").Select(a => a.GetAttribute("href"))
            .ShouldContain("/Workspace/Leads?size=1");
    }

    [Fact]
    public async Task The_menu_lists_leads_and_conversations_right_after_knowledge()
    {
        var owner = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);

        var links = Parse(await browser.OpenAsync(ListPath)).QuerySelectorAll("#sidebar a.nav-link").Select(a => a.TextContent.Trim()).ToList();

        links.IndexOf("Leads").ShouldBe(links.IndexOf("Knowledge") + 1);
        links.IndexOf("Conversations").ShouldBe(links.IndexOf("Knowledge") + 2);
        Parse(await browser.OpenAsync(ListPath)).QuerySelector("#sidebar a.active")!.TextContent.Trim().ShouldBe("Leads");
    }

    [Fact]
    public async Task A_lead_shows_its_contact_every_answer_the_transcript_and_each_deliverys_status_attempts_and_error()
    {
        var owner = await fixture.CreateTenantAsync();
        var (id, conversationId) = await fixture.Factory.AddLeadAsync(owner.TenantId, new()
        {
            Name = "Ana Lima",
            Email = "ana@example.com",
            Phone = "+15550104477",
            Address = "12 Harbour Road",
            Notes = "Water under the sink",
            Priority = LeadPriority.High,
            Answers = [new(Guid.NewGuid(), "What is your name?", "Ana Lima"), new(Guid.NewGuid(), "Best time to call?", null)],
            Messages = [(MessageRole.Agent, "Hello!"), (MessageRole.Visitor, "Water under my sink"), (MessageRole.Owner, "Sam here, on my way.")],
            Deliveries =
            [
                (NotificationChannel.Email, "owner@example.com", [], true),
                (NotificationChannel.Sms, "+15550199", ["Twilio answered 503 Service Unavailable"], false),
            ],
        });
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);

        var page = Parse(await browser.OpenAsync(DetailsPath(id)));

        page.QuerySelector("#lead-name")!.TextContent.ShouldBe("Ana Lima");
        page.QuerySelector("#lead-priority")!.TextContent.ShouldBe("HIGH");
        string Field(string name) => page.QuerySelector($"#lead-contact [data-field='{name}']")!.TextContent.Trim();
        (Field("email"), Field("phone"), Field("address"), Field("notes")).ShouldBe(("ana@example.com", "+15550104477", "12 Harbour Road", "Water under the sink"));
        page.QuerySelector("#lead-contact a[href='tel:+15550104477']").ShouldNotBeNull();
        page.QuerySelectorAll("#lead-answers tbody tr").Select(r => (r.Children[0].TextContent.Trim(), r.Children[1].TextContent.Trim()))
            .ShouldBe([("What is your name?", "Ana Lima"), ("Best time to call?", "Skipped")]);
        page.QuerySelectorAll("#transcript .message-text").Select(m => m.TextContent).ShouldBe(["Hello!", "Water under my sink", "Sam here, on my way."]);
        page.QuerySelectorAll("#transcript .message-role").Select(m => m.TextContent).ShouldBe(["Agent", "Visitor", "Your team"]);
        var deliveries = page.QuerySelectorAll("#lead-deliveries tr.delivery-row")
            .Select(r => (r.QuerySelector(".delivery-recipient")!.TextContent, r.QuerySelector(".delivery-status")!.TextContent, r.QuerySelector(".delivery-attempts")!.TextContent, r.QuerySelector(".delivery-error")!.TextContent))
            .ToList();
        deliveries.ShouldBe([("owner@example.com", "Sent", "1", string.Empty), ("+15550199", "Pending", "1", "Twilio answered 503 Service Unavailable")], ignoreOrder: true);
        page.QuerySelector($"a[href='{ConversationPath(conversationId)}']").ShouldNotBeNull();
    }

    [Fact]
    public async Task The_owner_changes_the_status_and_notes_and_finds_them_saved()
    {
        var owner = await fixture.CreateTenantAsync();
        var (id, _) = await fixture.Factory.AddLeadAsync(owner.TenantId, new() { Name = "Follow me up" });
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);

        using var saved = await PostFollowUpAsync(browser, id, "Won", "  Fixed the leak on Tuesday.\nPaid cash.  ");
        var page = Parse(await browser.OpenAsync(DetailsPath(id)));
        var stored = await fixture.Factory.LeadAsync(owner.TenantId, id);

        (saved.StatusCode, saved.Headers.Location?.OriginalString).ShouldBe((HttpStatusCode.Redirect, DetailsPath(id)));
        (stored.Status, stored.OwnerNotes).ShouldBe((LeadStatus.Won, "Fixed the leak on Tuesday.\nPaid cash."));
        stored.LastModificationTime.ShouldNotBeNull();
        page.QuerySelector("#lead-status")!.TextContent.ShouldBe("Won");
        page.QuerySelector("#Input_Status option[selected]")!.GetAttribute("value").ShouldBe("Won");
        page.QuerySelector("#Input_OwnerNotes")!.TextContent.ShouldBe("Fixed the leak on Tuesday.\nPaid cash.");
        page.QuerySelector("[role=status]")!.TextContent.ShouldBe("The lead is updated.");
    }

    [Fact]
    public async Task Notes_over_the_maximum_or_an_unknown_status_are_refused_on_the_form_and_nothing_is_saved()
    {
        var owner = await fixture.CreateTenantAsync();
        var (id, _) = await fixture.Factory.AddLeadAsync(owner.TenantId, new() { Name = "Unchanged" });
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);

        using var tooLong = await PostFollowUpAsync(browser, id, "Contacted", new string('x', LeadConsts.MaxNotesLength + 1));
        using var unknown = await PostFollowUpAsync(browser, id, "Bribed", "ok");
        using var outOfRange = await PostFollowUpAsync(browser, id, "42", "ok");
        var stored = await fixture.Factory.LeadAsync(owner.TenantId, id);

        tooLong.StatusCode.ShouldBe(HttpStatusCode.OK);
        ProfilePageTests.MessageFor(await tooLong.Content.ReadAsStringAsync(), "Input.OwnerNotes").ShouldBe("Notes can be at most 4,000 characters.");
        unknown.StatusCode.ShouldBe(HttpStatusCode.OK);
        ProfilePageTests.MessageFor(await unknown.Content.ReadAsStringAsync(), "Input.Status").ShouldBe("The value 'Bribed' is not valid for Status.");
        outOfRange.StatusCode.ShouldBe(HttpStatusCode.OK);
        ProfilePageTests.MessageFor(await outOfRange.Content.ReadAsStringAsync(), "Input.Status").ShouldBe("The value '42' is invalid.");
        (stored.Status, stored.OwnerNotes, stored.LastModificationTime).ShouldBe((LeadStatus.New, null, null));
    }

    [Fact]
    public async Task The_export_link_downloads_the_filtered_leads_as_csv_with_formulas_neutralised()
    {
        var owner = await fixture.CreateTenantAsync();
        await fixture.Factory.AddLeadAsync(owner.TenantId, new() { Name = "=HYPERLINK(\"http://evil.example\",\"Open\")", Priority = LeadPriority.Urgent });
        await fixture.Factory.AddLeadAsync(owner.TenantId, new() { Name = "Not urgent Nora" });
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);

        var exportLink = Parse(await browser.OpenAsync($"{ListPath}?priority=Urgent")).QuerySelector("#export-csv")!.GetAttribute("href")!;
        using var response = await browser.GetAsync(exportLink);
        var csv = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());

        exportLink.ShouldBe("/Workspace/Leads?priority=Urgent&handler=Export");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        response.Content.Headers.ContentDisposition.FileName.ShouldNotBeNull().ShouldEndWith(".csv");
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        csv.ShouldContain("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Open\"\")\"");
        csv.ShouldNotContain("Not urgent Nora");
    }

    [Fact]
    public async Task Conversations_list_newest_first_with_their_lead_and_open_to_the_transcript()
    {
        var owner = await fixture.CreateTenantAsync();
        var (leadId, withLead) = await fixture.Factory.AddLeadAsync(owner.TenantId, new()
        {
            Created = Day,
            Name = "Ana Lima",
            Priority = LeadPriority.Urgent,
            Messages = [(MessageRole.Agent, "Hi!"), (MessageRole.Visitor, "My basement is flooding"), (MessageRole.Agent, "What is your phone number?")],
        });
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);

        var list = Parse(await browser.OpenAsync(ConversationsPath));
        var details = Parse(await browser.OpenAsync(ConversationPath(withLead)));

        var row = list.QuerySelector("#conversations tr.conversation-row").ShouldNotBeNull();
        row.QuerySelector(".conversation-preview")!.TextContent.Trim().ShouldBe("My basement is flooding");
        row.QuerySelector(".conversation-messages")!.TextContent.ShouldBe("3");
        row.QuerySelector(".conversation-priority")!.TextContent.ShouldBe("URGENT");
        row.QuerySelector($".conversation-lead a[href='{DetailsPath(leadId)}']")!.TextContent.ShouldBe("Ana Lima");
        details.QuerySelectorAll("#transcript .message-text").Select(m => m.TextContent).ShouldBe(["Hi!", "My basement is flooding", "What is your phone number?"]);
        details.QuerySelector("#conversation-lead")!.GetAttribute("href").ShouldBe(DetailsPath(leadId));
    }
}
