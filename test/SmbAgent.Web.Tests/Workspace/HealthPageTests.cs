using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.EntityFrameworkCore;
using SmbAgent.Features;
using SmbAgent.KnowledgeBase;
using SmbAgent.Notifications;
using SmbAgent.Web.Tests.Leads;
using SmbAgent.Webhooks;

namespace SmbAgent.Web.Tests.Workspace;

/// <summary>The business's health page: its own recent failures only, encoded, and the upgrade prompt below PRO.</summary>
public sealed class HealthPageTests(HealthPageTests.Fixture fixture) : IClassFixture<HealthPageTests.Fixture>
{
    private const string Path = "/Workspace/Health";

    [Fact]
    public async Task A_pro_business_sees_its_own_recent_failures_newest_first_and_not_another_businesss()
    {
        var (owner, browser) = await fixture.SignedInOwnerAsync(EditionMatrix.Pro);
        using var _ = browser;
        var other = await TestTenants.CreateAsync(fixture.Factory.Services);
        var now = DateTimeOffset.UtcNow;
        await SeedFailuresAsync(owner.TenantId, "ours", now);
        await SeedFailuresAsync(other.TenantId, "theirs", now);
        await fixture.Factory.AddLeadAsync(owner.TenantId, new LeadSeed
        {
            Created = now.AddDays(-40),
            Deliveries = [(NotificationChannel.Email, "old@example.com", ["ours: too old to show"], false)],
        });
        await fixture.Factory.AddLeadAsync(owner.TenantId, new LeadSeed
        {
            Created = now,
            Deliveries = [(NotificationChannel.Email, "fine@example.com", [], true)],
        });

        var html = await browser.OpenAsync(Path);
        var document = new HtmlParser().ParseDocument(html);

        document.QuerySelector(".upgrade-prompt").ShouldBeNull();
        document.QuerySelector("ul.nav a.nav-link[href='/Workspace/Health']").ShouldNotBeNull("the menu has the page");
        var notifications = document.QuerySelectorAll("#health-notifications .health-notification");
        notifications.Select(r => r.QuerySelector(".last-error")!.TextContent).ShouldBe(["ours: sms retrying", "ours: email refused"]);
        notifications.Select(r => r.QuerySelector(".recipient")!.TextContent).ShouldBe(["…4567", "o…@example.com"]);
        notifications.Select(r => r.QuerySelector(".status")!.TextContent.Split(' ')[0]).ShouldBe(["Retrying", "Failed"]);
        var webhook = document.QuerySelectorAll("#health-webhooks .health-webhook").ShouldHaveSingleItem();
        webhook.QuerySelector(".last-error")!.TextContent.ShouldBe("ours: endpoint answered 500");
        var link = webhook.QuerySelector("a.delivery-log").ShouldNotBeNull();
        link.TextContent.ShouldBe("ours.example.com");
        link.GetAttribute("href")!.ShouldStartWith("/Workspace/Webhooks?subscription=");
        document.QuerySelectorAll("#health-knowledge .health-knowledge").Select(r => r.QuerySelector(".last-error")!.TextContent)
            .ShouldBe(["ours: the page answered 404"]);
        document.QuerySelector("#health-notifications .health-count")!.TextContent.ShouldBe("2");
        html.ShouldNotContain("theirs");
        html.ShouldNotContain("too old to show");
        html.ShouldNotContain("ours@example.com");
        html.ShouldNotContain("+15550104567");
    }

    [Fact]
    public async Task An_error_text_with_a_script_is_shown_encoded()
    {
        var (owner, browser) = await fixture.SignedInOwnerAsync(EditionMatrix.Pro);
        using var _ = browser;
        await fixture.Factory.AddLeadAsync(owner.TenantId, new LeadSeed
        {
            Created = DateTimeOffset.UtcNow,
            Deliveries = [(NotificationChannel.Email, "x@example.com", ["<script>alert(1)</script>"], false)],
        });

        var html = await browser.OpenAsync(Path);

        new HtmlParser().ParseDocument(html).QuerySelector("#health-notifications .last-error")!.TextContent.ShouldBe("<script>alert(1)</script>");
        html.ShouldNotContain("<script>alert(1)</script>");
        html.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    [Fact]
    public async Task Below_pro_the_page_shows_the_upgrade_prompt_and_no_failures()
    {
        var (owner, browser) = await fixture.SignedInOwnerAsync(EditionMatrix.Basic);
        using var _ = browser;
        await SeedFailuresAsync(owner.TenantId, "basic", DateTimeOffset.UtcNow);

        var html = await browser.OpenAsync(Path);
        var document = new HtmlParser().ParseDocument(html);

        document.QuerySelector(".upgrade-prompt").ShouldNotBeNull().TextContent.ShouldContain("PRO");
        document.QuerySelector("#health-notifications").ShouldBeNull();
        html.ShouldNotContain("basic: email refused");
    }

    /// <summary>A failed email and a retrying SMS a minute later, a failed webhook delivery and a failed knowledge source, each error tagged.</summary>
    private async Task SeedFailuresAsync(Guid tenantId, string tag, DateTimeOffset now)
    {
        var (lead, _) = await fixture.Factory.AddLeadAsync(tenantId, new LeadSeed { Created = now.AddMinutes(-10) });
        await fixture.Factory.InTenantAsync(tenantId, async sp =>
        {
            var db = sp.GetRequiredService<SmbAgentDbContext>();
            var email = new NotificationDelivery(Guid.CreateVersion7(), tenantId, lead, NotificationKind.NewLead, NotificationChannel.Email, $"{tag}@example.com") { CreationTime = now.AddMinutes(-2) };
            email.MarkAttemptFailed(now.AddMinutes(-1), $"{tag}: email refused", permanent: true);
            var sms = new NotificationDelivery(Guid.CreateVersion7(), tenantId, lead, NotificationKind.NewLead, NotificationChannel.Sms, "+15550104567") { CreationTime = now };
            sms.MarkAttemptFailed(now, $"{tag}: sms retrying", permanent: false);
            db.NotificationDeliveries.AddRange(email, sms);
            var subscription = new WebhookSubscription(Guid.CreateVersion7(), tenantId, $"https://{tag}.example.com/hooks", [WebhookEventTypes.LeadCreated], "protected") { CreationTime = now };
            db.WebhookSubscriptions.Add(subscription);
            var failed = new WebhookDelivery(Guid.CreateVersion7(), tenantId, subscription.Id, WebhookEventTypes.LeadCreated, Guid.CreateVersion7(), "{}", now);
            failed.MarkFailed(now, 500, $"{tag}: endpoint answered 500", null);
            var retrying = new WebhookDelivery(Guid.CreateVersion7(), tenantId, subscription.Id, WebhookEventTypes.LeadCreated, Guid.CreateVersion7(), "{}", now);
            retrying.MarkFailed(now, 502, $"{tag}: still being retried", now.AddMinutes(5));
            db.WebhookDeliveries.AddRange(failed, retrying);
            var source = new KnowledgeSource(Guid.CreateVersion7(), tenantId, KnowledgeSourceKind.Url, $"{tag} page", "en") { CreationTime = now };
            db.KnowledgeSources.AddRange(source, new KnowledgeSource(Guid.CreateVersion7(), tenantId, KnowledgeSourceKind.Text, $"{tag} fine", "en") { CreationTime = now });
            await db.SaveChangesAsync();
            await db.KnowledgeSources.Where(s => s.Id == source.Id).ExecuteUpdateAsync(
                s => s.SetProperty(x => x.Status, KnowledgeSourceStatus.Failed).SetProperty(x => x.FailureReason, $"{tag}: the page answered 404"));
        });
    }

    public sealed class Fixture : IAsyncLifetime
    {
        private TestDatabase? database;

        public WebHostFactory Factory { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            database = await TestDatabase.CreateAsync("tenanthealthpage");
            await database.MigrateAsync();
            Factory = new WebHostFactory(database);
        }

        public async Task<(TenantOwner Owner, Browser Browser)> SignedInOwnerAsync(string edition)
        {
            var owner = await TestTenants.CreateAsync(Factory.Services);
            await Factory.ChangeEditionAsync(owner.TenantId, edition);
            var browser = new Browser(Factory.CreateClient(new WebApplicationFactoryClientOptions
            {
                BaseAddress = WebHostFactory.BaseAddress, AllowAutoRedirect = false, HandleCookies = true,
            }));
            await browser.SignInAsync(owner);
            return (owner, browser);
        }

        public async Task DisposeAsync()
        {
            if (Factory is not null)
            {
                await Factory.DisposeAsync();
            }

            if (database is not null)
            {
                await database.DisposeAsync();
            }
        }
    }
}
