using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Data;
using SmbAgent.Features;
using SmbAgent.Tenancy;
using SmbAgent.Web.Tests.Workspace;
using SmbAgent.Webhooks;

namespace SmbAgent.Web.Tests.Webhooks;

/// <summary>The webhooks page: add with events and see the secret once or on demand, the delivery log with Replay, and the upgrade prompt below PRO.</summary>
public sealed class WebhooksPageTests(WebhooksPageTests.Fixture fixture) : IClassFixture<WebhooksPageTests.Fixture>
{
    private const string Path = "/Workspace/Webhooks";

    [Theory]
    [InlineData(EditionMatrix.Free)]
    [InlineData(EditionMatrix.Basic)]
    public async Task Below_pro_the_page_shows_the_upgrade_prompt_and_a_crafted_form_saves_nothing(string edition)
    {
        var (owner, browser) = await fixture.SignedInOwnerAsync(edition);
        using var _ = browser;

        var page = await browser.OpenAsync(Path);
        using var crafted = await browser.Client.PostAsync(new Uri($"{Path}?handler=Add", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Browser.AntiforgeryToken(page),
            ["Input.Url"] = "https://example.com/hooks",
            ["Input.EventTypes"] = WebhookEventTypes.LeadCreated,
        }));

        var document = new HtmlParser().ParseDocument(page);
        document.QuerySelector(".upgrade-prompt")!.TextContent.ShouldContain("PRO");
        document.QuerySelector("#webhook-form").ShouldBeNull();
        crafted.StatusCode.ShouldBe(HttpStatusCode.OK);
        new HtmlParser().ParseDocument(await crafted.Content.ReadAsStringAsync()).QuerySelector(".upgrade-prompt").ShouldNotBeNull();
        (await SubscriptionsAsync(owner.TenantId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_owner_adds_a_webhook_sees_its_secret_again_on_demand_and_a_private_address_is_explained_on_its_field()
    {
        var (owner, browser) = await fixture.SignedInOwnerAsync();
        using var _ = browser;

        using var refused = await HtmlForm.Parse(await browser.OpenAsync(Path), "#webhook-form", Path)
            .Set("Input.Url", "https://10.1.2.3/hooks").Add("Input.EventTypes", WebhookEventTypes.LeadCreated).PostAsync(browser);
        using var added = await HtmlForm.Parse(await browser.OpenAsync(Path), "#webhook-form", Path)
            .Set("Input.Url", "https://hooks.example.com/smbagent")
            .Add("Input.EventTypes", WebhookEventTypes.LeadCreated)
            .Add("Input.EventTypes", WebhookEventTypes.CallCompleted)
            .PostAsync(browser);
        var addedPage = new HtmlParser().ParseDocument(await added.Content.ReadAsStringAsync());
        var secret = addedPage.QuerySelector("#webhook-secret-value")!.TextContent;
        var list = await browser.OpenAsync(Path);
        using var shown = await HtmlForm.Parse(list, ".secret-form", Path).PostAsync(browser);

        ProfilePageTests.MessageFor(await refused.Content.ReadAsStringAsync(), "Input.Url")
            .ShouldBe("The address 10.1.2.3 is not allowed: webhooks go to public web addresses only.");
        added.StatusCode.ShouldBe(HttpStatusCode.OK);
        secret.ShouldStartWith("whsec_");
        list.Contains(secret, StringComparison.Ordinal).ShouldBeFalse("the list shows no secret until asked");
        var row = new HtmlParser().ParseDocument(list).QuerySelector("#webhooks .webhook").ShouldNotBeNull();
        row.QuerySelector(".webhook-events")!.TextContent.ShouldBe("lead.created, call.completed");
        new HtmlParser().ParseDocument(await shown.Content.ReadAsStringAsync()).QuerySelector("#webhook-secret-value")!.TextContent.ShouldBe(secret);
        var stored = (await SubscriptionsAsync(owner.TenantId)).ShouldHaveSingleItem();
        stored.Url.ShouldBe("https://hooks.example.com/smbagent");
        stored.ProtectedSecret.ShouldNotContain(secret);
    }

    [Fact]
    public async Task The_delivery_log_shows_a_failed_delivery_and_replay_queues_it_again()
    {
        var (owner, browser) = await fixture.SignedInOwnerAsync();
        using var _ = browser;
        using var added = await HtmlForm.Parse(await browser.OpenAsync(Path), "#webhook-form", Path)
            .Set("Input.Url", "https://hooks.example.com/replay").Add("Input.EventTypes", WebhookEventTypes.LeadUpdated).PostAsync(browser);
        var subscriptionId = (await SubscriptionsAsync(owner.TenantId)).Single().Id;
        var deliveryId = await InTenantAsync(owner.TenantId, async db =>
        {
            var delivery = new WebhookDelivery(Guid.CreateVersion7(), owner.TenantId, subscriptionId, WebhookEventTypes.LeadUpdated, Guid.CreateVersion7(), "{}", DateTimeOffset.UtcNow);
            delivery.MarkFailed(DateTimeOffset.UtcNow, 500, "The endpoint answered 500 <b>Internal</b>.", null);
            db.WebhookDeliveries.Add(delivery);
            await db.SaveChangesAsync();
            return delivery.Id;
        });

        var log = await browser.OpenAsync($"{Path}?subscription={subscriptionId}");
        using var replayed = await HtmlForm.Parse(log, ".replay-form", Path).PostAsync(browser);
        var after = await InTenantAsync(owner.TenantId, db => db.WebhookDeliveries.AsNoTracking().SingleAsync(d => d.Id == deliveryId));

        var row = new HtmlParser().ParseDocument(log).QuerySelector("#webhook-deliveries .webhook-delivery").ShouldNotBeNull();
        row.QuerySelector(".delivery-status")!.TextContent.ShouldBe("Failed");
        row.QuerySelector(".delivery-error")!.TextContent.ShouldBe("The endpoint answered 500 <b>Internal</b>.");
        log.ShouldNotContain("<b>Internal</b>");
        replayed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (after.Status, after.RoundStartAttempts).ShouldBe((WebhookDeliveryStatus.Pending, 1));
    }

    [Fact]
    public async Task Another_businesss_delivery_log_is_not_found()
    {
        var (owner, ownerBrowser) = await fixture.SignedInOwnerAsync();
        using (ownerBrowser)
        {
            using var added = await HtmlForm.Parse(await ownerBrowser.OpenAsync(Path), "#webhook-form", Path)
                .Set("Input.Url", "https://hooks.example.com/theirs").Add("Input.EventTypes", WebhookEventTypes.LeadUpdated).PostAsync(ownerBrowser);
        }

        var subscriptionId = (await SubscriptionsAsync(owner.TenantId)).Single().Id;
        var (_, browser) = await fixture.SignedInOwnerAsync();
        using var __ = browser;

        using var response = await browser.GetAsync($"{Path}?subscription={subscriptionId}");
        var list = await browser.OpenAsync(Path);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        list.ShouldNotContain("hooks.example.com/theirs");
    }

    private Task<List<WebhookSubscription>> SubscriptionsAsync(Guid tenantId) =>
        InTenantAsync(tenantId, db => db.WebhookSubscriptions.AsNoTracking().ToListAsync());

    private async Task<T> InTenantAsync<T>(Guid tenantId, Func<ISmbAgentDbContext, Task<T>> action)
    {
        using var tenant = fixture.Factory.Services.GetRequiredService<ICurrentTenant>().Change(tenantId);
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<ISmbAgentDbContext>());
    }

    public sealed class Fixture : IAsyncLifetime
    {
        private TestDatabase? database;

        public WebHostFactory Factory { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            database = await TestDatabase.CreateAsync("webhookpage");
            await database.MigrateAsync();
            Factory = new WebHostFactory(database);
        }

        public async Task<(TenantOwner Owner, Browser Browser)> SignedInOwnerAsync(string edition = EditionMatrix.Pro)
        {
            var owner = await TestTenants.CreateAsync(Factory.Services);
            if (edition != EditionMatrix.Free)
            {
                await Factory.ChangeEditionAsync(owner.TenantId, edition);
            }

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
