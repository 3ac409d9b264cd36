using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Auditing;
using SmbAgent.EntityFrameworkCore;
using SmbAgent.Features;
using SmbAgent.Tenancy;

namespace SmbAgent.Web.Tests.Workspace;

/// <summary>The plan page: all editions compared from their stored values, and self-service plan changes.</summary>
public sealed class PlanPageTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    private const string Path = "/Workspace/Plan";

    [Fact]
    public async Task Every_edition_is_compared_from_its_feature_values()
    {
        var owner = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);

        var document = new HtmlParser().ParseDocument(await browser.OpenAsync(Path));
        string[] Row(string feature) =>
        [
            .. document.QuerySelectorAll("#plans tbody tr")
                .Single(r => r.QuerySelector("th")!.FirstChild!.TextContent == feature)
                .QuerySelectorAll("td")
                .Select(td => td.QuerySelector("[aria-label]")?.GetAttribute("aria-label") ?? td.TextContent.Trim()),
        ];

        document.QuerySelector("#current-plan")!.TextContent.ShouldBe("Free");
        document.QuerySelectorAll("#plans thead th").Skip(1).Select(th => th.FirstChild!.TextContent.Trim()).ShouldBe(["Free", "Basic", "Pro"]);
        Row("Lead-capture questions").ShouldBe(["5", "Unlimited", "Unlimited"]);
        Row("Conversations per month").ShouldBe(["100", "2,000", "Unlimited"]);
        Row("Voice agent (phone line)").ShouldBe(["Not included", "Not included", "Included"]);
        Row("Analytics").ShouldBe(["Basic", "Basic", "Full"]);
        SmbFeatureDefinitions.All.Count.ShouldBe(document.QuerySelectorAll("#plans tbody tr").Length);
    }

    [Fact]
    public async Task An_owner_switches_to_pro_which_applies_at_once_and_is_audited()
    {
        var owner = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);
        var html = await browser.OpenAsync(Path);
        var switchToPro = new HtmlParser().ParseDocument(html).QuerySelectorAll("#plans tfoot form")
            .Single(f => f.TextContent.Contains("Switch to Pro", StringComparison.Ordinal));

        using var response = await HtmlForm.Parse(switchToPro.OuterHtml, "form", Path).PostAsync(browser);
        var after = new HtmlParser().ParseDocument(await browser.OpenAsync(Path));
        var agent = await browser.OpenAsync("/Workspace/Agent");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        after.QuerySelector("#current-plan")!.TextContent.ShouldBe("Pro");
        agent.ShouldContain("name=\"Input.Voice\"");
        (await EditionOfAsync(owner)).ShouldBe(EditionMatrix.Pro);
        var audit = await fixture.Factory.InTenantAsync(owner.TenantId, sp => sp.GetRequiredService<SmbAgentDbContext>().AuditLogEntries
            .Where(e => e.Action == AuditActions.EditionChanged).Select(e => e.Details).ToListAsync());
        audit.ShouldBe(["FREE → PRO (self-service)"]);
    }

    [Fact]
    public async Task With_self_service_switched_off_a_change_is_refused_with_a_message()
    {
        var owner = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);
        var html = await browser.OpenAsync(Path);
        var proId = await fixture.Factory.InTenantAsync(null, sp => sp.GetRequiredService<SmbAgentDbContext>().Editions.Where(e => e.Name == EditionMatrix.Pro).Select(e => e.Id).SingleAsync());
        var form = HtmlForm.Parse(html, "#plans tfoot form", Path);

        await SetSelfServiceAsync(false);
        try
        {
            using var response = await form.PostAsync(browser, $"{Path}?handler=Change&editionId={proId}");
            var page = await browser.OpenAsync(Path);

            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await response.Content.ReadAsStringAsync()).ShouldContain("Plan changes are made by the platform team.");
            page.ShouldNotContain("Switch to Pro");
            (await EditionOfAsync(owner)).ShouldBe(EditionMatrix.Free);
        }
        finally
        {
            await SetSelfServiceAsync(true);
        }
    }

    private Task<string> EditionOfAsync(TenantOwner owner) =>
        fixture.Factory.InTenantAsync(null, sp =>
        {
            var db = sp.GetRequiredService<SmbAgentDbContext>();
            return db.Tenants.Where(t => t.Id == owner.TenantId).Join(db.Editions, t => t.EditionId, e => e.Id, (_, e) => e.Name).SingleAsync();
        });

    private Task SetSelfServiceAsync(bool allowed) =>
        fixture.Factory.InTenantAsync(null, async sp =>
        {
            var db = sp.GetRequiredService<SmbAgentDbContext>();
            (await db.PlatformSettings.SingleAsync()).AllowSelfServicePlanChange = allowed;
            await db.SaveChangesAsync();
        });
}
