using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Analytics;
using SmbAgent.Conversations;
using SmbAgent.Conversations.Replies;
using SmbAgent.Data;
using SmbAgent.Features;
using SmbAgent.Leads;
using SmbAgent.Web.Tests.Voice;
using SmbAgent.Web.Tests.Workspace;

namespace SmbAgent.Web.Tests.Analytics;

/// <summary>The analytics page over roll-ups: PRO sees every section with tables and CSV, BASIC the upgrade prompt instead of the full ones.</summary>
public sealed class AnalyticsPageTests(VoiceAdminFixture fixture) : IClassFixture<VoiceAdminFixture>
{
    private const string Payload = "<script>alert(1)</script> do you walk dogs?";

    [Fact]
    public async Task A_pro_business_sees_its_numbers_every_section_and_csv_and_visitor_text_stays_text()
    {
        var (owner, browser) = await fixture.SignedInOwnerAsync(EditionMatrix.Pro);
        using var _ = browser;
        await SeedAsync(owner.TenantId);

        var html = await browser.OpenAsync("/Workspace/Analytics?days=7");
        var page = new HtmlParser().ParseDocument(html);
        var csv = await browser.GetAsync("/Workspace/Analytics?handler=Csv&table=channels&days=7");

        page.QuerySelector("[data-total=conversations]")!.TextContent.ShouldBe("1");
        page.QuerySelector("[data-total=leads]")!.TextContent.ShouldBe("1");
        page.QuerySelector("[data-total=conversion]")!.TextContent.ShouldBe("100%");
        page.QuerySelector("[data-total=answer-rate]")!.TextContent.ShouldBe("0%");
        page.QuerySelector("#analytics-full-locked").ShouldBeNull();
        page.QuerySelectorAll(".unanswered-question").Select(q => q.TextContent).ShouldBe([Payload]);
        page.QuerySelectorAll("script").Where(s => s.TextContent.Contains("alert(1)", StringComparison.Ordinal) && s.Id != "analytics-data").ShouldBeEmpty();
        html.ShouldNotContain("<script>alert(1)</script>");
        page.QuerySelector("#table-heatmap").ShouldNotBeNull();
        page.QuerySelector("script[src*='lib/chart.js/chart.umd.min.js']").ShouldNotBeNull("Chart.js is served locally");
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldStartWith("\"Channel\",\"Conversations\"");
        lines.ShouldContain(l => l.StartsWith("\"Chat\",\"1\",\"1\"", StringComparison.Ordinal));
        (await browser.GetAsync("/lib/chart.js/chart.umd.min.js")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_basic_business_sees_the_basic_numbers_and_an_upgrade_prompt_for_the_rest()
    {
        var (owner, browser) = await fixture.SignedInOwnerAsync(EditionMatrix.Basic);
        using var _ = browser;
        await SeedAsync(owner.TenantId);

        var page = new HtmlParser().ParseDocument(await browser.OpenAsync("/Workspace/Analytics?days=7"));

        page.QuerySelector("[data-total=conversations]")!.TextContent.ShouldBe("1");
        page.QuerySelector("#analytics-full-locked .upgrade-prompt")!.TextContent.ShouldContain("PRO");
        page.QuerySelector("#unanswered").ShouldBeNull();
        (await browser.GetAsync("/Workspace/Analytics?handler=Csv&table=unanswered&days=7")).StatusCode.ShouldNotBe(HttpStatusCode.OK);
        (await browser.GetAsync("/Workspace/Analytics?handler=Csv&table=days&days=7")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private async Task SeedAsync(Guid tenantId)
    {
        await fixture.Factory.InTenantAsync(tenantId, async sp =>
        {
            var db = sp.GetRequiredService<ISmbAgentDbContext>();
            var now = DateTimeOffset.UtcNow.AddMinutes(-1);
            var conversation = new Conversation(Guid.CreateVersion7(), tenantId, ConversationChannel.Chat, Guid.NewGuid().ToString("N"), "en")
            {
                CreationTime = now,
                LastActivityTime = now,
                Counted = true,
                MessageCount = 2,
            };
            var lead = new Lead(Guid.CreateVersion7(), tenantId, conversation.Id, ConversationChannel.Chat, LeadPriority.Normal) { CreationTime = now };
            conversation.LeadId = lead.Id;
            db.Conversations.Add(conversation);
            db.Leads.Add(lead);
            db.ConversationMessages.Add(new ConversationMessage(Guid.CreateVersion7(), tenantId, conversation.Id, 1, MessageRole.Visitor, Payload) { CreationTime = now });
            db.ConversationMessages.Add(new ConversationMessage(Guid.CreateVersion7(), tenantId, conversation.Id, 2, MessageRole.Agent, "…")
            {
                CreationTime = now,
                Reply = StoredReplies.Write(new NotFoundReply(true, [])),
            });
            await db.SaveChangesAsync();
            await sp.GetRequiredService<AnalyticsRollupService>().RecomputeRecentAsync();
        });
    }
}
