using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Data;
using SmbAgent.TestKit;
using SmbAgent.Voice;
using SmbAgent.Web.Tests.Account;

namespace SmbAgent.Web.Tests.Dev;

/// <summary>The development outbox page: lists SMS and calls newest first, shows a call's TwiML as encoded text, exists nowhere else.</summary>
public sealed class DevOutboxTests(AccountFixture fixture) : IClassFixture<AccountFixture>
{
    [Fact]
    public async Task The_page_lists_the_outbox_newest_first_and_shows_a_calls_twiml_as_encoded_text()
    {
        var to = $"+1415555{Random.Shared.Next(1000, 9999)}";
        var twiml = "<Response><Gather numDigits=\"1\"><Say>Rose &amp; Sons: press 1</Say></Gather><script>alert('x')</script></Response>";
        await AddAsync(DevelopmentOutboxKind.Sms, to, "New lead: boiler leak", null, DateTimeOffset.UtcNow.AddMinutes(-1));
        var call = await AddAsync(DevelopmentOutboxKind.Call, to, twiml, "https://agent.example.com/api/voice/owner-alert/status", DateTimeOffset.UtcNow);
        using var browser = fixture.CreateBrowser();

        var list = await browser.GetPageAsync("/Dev/Outbox");
        var rows = new HtmlParser().ParseDocument(list.Html).QuerySelectorAll("#outbox-list tbody tr")
            .Where(r => r.TextContent.Contains(to, StringComparison.Ordinal)).ToList();
        var detail = await browser.GetPageAsync(rows[0].QuerySelector("a")!.GetAttribute("href")!);

        list.Status.ShouldBe(HttpStatusCode.OK);
        rows.Count.ShouldBe(2);
        rows[0].TextContent.ShouldContain("Call");
        rows[0].TextContent.ShouldContain(call.Sid);
        rows[1].TextContent.ShouldContain("SMS");
        detail.Status.ShouldBe(HttpStatusCode.OK);
        var body = new HtmlParser().ParseDocument(detail.Html).QuerySelector("#outbox-body")!;
        body.TextContent.ShouldBe(twiml);
        body.Children.ShouldBeEmpty("the TwiML is text, never markup");
        detail.Html.ShouldNotContain("<script>alert");
        detail.Html.ShouldContain("https://agent.example.com/api/voice/owner-alert/status");
    }

    [Fact]
    public async Task An_unknown_message_is_404()
    {
        using var browser = fixture.CreateBrowser();

        using var response = await browser.GetAsync("/Dev/Outbox?id=" + Guid.NewGuid());

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Outside_development_and_testing_the_page_does_not_exist()
    {
        await using var production = fixture.Factory.WithWebHostBuilder(builder => builder.UseEnvironment("Production"));
        using var browser = new Browser(production.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = WebHostFactory.BaseAddress, AllowAutoRedirect = false }));

        using var response = await browser.GetAsync("/Dev/Outbox");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private Task<DevelopmentOutboxMessage> AddAsync(DevelopmentOutboxKind kind, string to, string body, string? callbackUrl, DateTimeOffset created) =>
        fixture.Factory.Services.InTenantAsync(null, async sp =>
        {
            var sid = (kind == DevelopmentOutboxKind.Call ? "CA" : "SM") + Guid.NewGuid().ToString("N");
            var message = new DevelopmentOutboxMessage(Guid.NewGuid(), null, kind, sid, to, "+15005550006", body)
            {
                CallbackUrl = callbackUrl,
                CreationTime = created,
            };
            var db = sp.GetRequiredService<ISmbAgentDbContext>();
            db.DevelopmentOutbox.Add(message);
            await db.SaveChangesAsync();
            return message;
        });
}
