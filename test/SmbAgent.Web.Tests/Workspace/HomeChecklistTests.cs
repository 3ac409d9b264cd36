using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.BackgroundJobs;
using SmbAgent.KnowledgeBase;
using SmbAgent.KnowledgeBase.Ingestion;
using SmbAgent.Leads;

namespace SmbAgent.Web.Tests.Workspace;

/// <summary>The home page of a business: what is set up, the edition, and usage against the plan's limits.</summary>
public sealed class HomeChecklistTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    [Fact]
    public async Task A_new_business_sees_what_is_done_missing_and_coming_with_its_edition()
    {
        var owner = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);

        var html = await browser.OpenAsync("/");
        var document = new HtmlParser().ParseDocument(html);
        var statusOf = document.QuerySelectorAll("#checklist li").ToDictionary(
            li => li.QuerySelector(".fw-semibold")!.FirstChild!.TextContent.Trim(),
            li => li.GetAttribute("data-status"));

        document.QuerySelector("#current-edition")!.TextContent.ShouldBe("Free");
        statusOf["Review the lead questions"].ShouldBe("Done");
        statusOf["Customise the agent"].ShouldBe("Missing", "the seeded welcome is not the owner's own yet");
        statusOf["Complete the business profile"].ShouldBe("Missing");
        statusOf["Set up notifications"].ShouldBe("Missing");
        statusOf["Add knowledge"].ShouldBe("Missing");
        statusOf["Install the chat widget"].ShouldBe("Missing", "the widget has not run on a site of the business yet");
        statusOf["Connect a phone number"].ShouldBe("ComingSoon");
    }

    [Fact]
    public async Task Knowledge_is_ticked_once_a_source_is_indexed_not_when_it_is_only_added()
    {
        var owner = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);
        var source = await fixture.Factory.InTenantAsync(owner.TenantId, sp => sp.GetRequiredService<KnowledgeSourceAppService>()
            .CreateTextAsync(new CreateTextSourceDto { Title = "Opening hours", Text = "We are open Monday to Friday, 8 am to 6 pm." }));

        var added = new HtmlParser().ParseDocument(await browser.OpenAsync("/"));
        await fixture.Factory.InTenantAsync(owner.TenantId, sp => sp.GetRequiredService<TenantJobRunner>()
            .RunAsync(owner.TenantId, new IngestKnowledgeSourceArgs(source.Id), CancellationToken.None));
        var indexed = new HtmlParser().ParseDocument(await browser.OpenAsync("/"));

        KnowledgeItem(added).GetAttribute("data-status").ShouldBe("Missing");
        KnowledgeItem(added).QuerySelector("a")!.GetAttribute("href").ShouldBe("/Workspace/Knowledge");
        KnowledgeItem(indexed).GetAttribute("data-status").ShouldBe("Done");
    }

    private static AngleSharp.Dom.IElement KnowledgeItem(AngleSharp.Html.Dom.IHtmlDocument document) =>
        document.QuerySelectorAll("#checklist li").Single(li => li.TextContent.Contains("Add knowledge", StringComparison.Ordinal));

    [Fact]
    public async Task Usage_is_shown_against_the_limits_and_warns_at_80_and_95_percent()
    {
        var owner = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);

        var atFour = new HtmlParser().ParseDocument(await browser.OpenAsync("/"));
        await fixture.Factory.InTenantAsync(owner.TenantId, sp => sp.GetRequiredService<ILeadQuestionAppService>()
            .CreateAsync(new CreateUpdateLeadQuestionDto { Text = "Anything else?", MapsTo = LeadField.Notes }));
        var atFive = new HtmlParser().ParseDocument(await browser.OpenAsync("/"));

        var questionsAtFour = atFour.QuerySelectorAll(".usage-meter")[0];
        questionsAtFour.TextContent.ShouldContain("4 of 5");
        questionsAtFour.GetAttribute("data-level").ShouldBe("Warning");
        var conversations = atFour.QuerySelectorAll(".usage-meter")[1];
        conversations.TextContent.ShouldContain("0 of 100");
        conversations.GetAttribute("data-level").ShouldBe("Normal");
        var questionsAtFive = atFive.QuerySelectorAll(".usage-meter")[0];
        questionsAtFive.TextContent.ShouldContain("5 of 5");
        questionsAtFive.GetAttribute("data-level").ShouldBe("Critical");
    }

    [Fact]
    public async Task An_unlimited_plan_says_unlimited()
    {
        var owner = await fixture.CreateTenantAsync();
        await fixture.Factory.ChangeEditionAsync(owner.TenantId, "PRO");
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);

        var document = new HtmlParser().ParseDocument(await browser.OpenAsync("/"));

        document.QuerySelector("#current-edition")!.TextContent.ShouldBe("Pro");
        document.QuerySelectorAll(".usage-meter")[0].TextContent.ShouldContain("4 of unlimited");
        document.QuerySelectorAll(".usage-meter")[1].TextContent.ShouldContain("0 of unlimited");
    }

    [Fact]
    public async Task A_completed_profile_with_an_email_contact_ticks_the_profile_and_notifications()
    {
        var owner = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);
        var form = HtmlForm.Parse(await browser.OpenAsync("/Workspace/Profile"), "#profile-form", "/Workspace/Profile")
            .Set("Input.Address", "1 Main St, Springfield")
            .Add("Input.Contacts[0].Kind", "Email")
            .Add("Input.Contacts[0].Value", "alerts@example.com");
        using (var saved = await form.PostAsync(browser))
        {
            saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        }

        var document = new HtmlParser().ParseDocument(await browser.OpenAsync("/"));
        var statusOf = document.QuerySelectorAll("#checklist li").ToDictionary(
            li => li.QuerySelector(".fw-semibold")!.FirstChild!.TextContent.Trim(),
            li => li.GetAttribute("data-status"));

        statusOf["Complete the business profile"].ShouldBe("Done");
        statusOf["Set up notifications"].ShouldBe("Done");
    }
}
