using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.EntityFrameworkCore;
using SmbAgent.Workspace.Widget;

namespace SmbAgent.Web.Tests.Workspace;

/// <summary>
/// The Install page: the snippet with the business's key, the preview loading the real widget from the API under the
/// admin's strict policy, the allowed sites (normalised, refused with a reason) and where the widget was last seen.
/// </summary>
public sealed class InstallPageTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    private const string Path = "/Workspace/Install";

    // The tests' PublicUrls:Api.
    private const string Loader = "http://localhost/widget/loader.js";

    [Fact]
    public async Task The_page_shows_the_snippet_with_the_business_key_and_previews_the_widget_from_the_API()
    {
        var owner = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);
        var key = await WidgetKeyAsync(owner);

        using var response = await browser.GetAsync(Path);
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var home = new HtmlParser().ParseDocument(await browser.OpenAsync("/"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        document.QuerySelector("#widget-snippet")!.TextContent.ShouldBe($"<script src=\"{Loader}\" data-widget-key=\"{key}\" async></script>");
        var preview = document.QuerySelector($"script[src='{Loader}']").ShouldNotBeNull();
        preview.GetAttribute("data-widget-key").ShouldBe(key);
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("script-src 'self' http://localhost;");
        document.QuerySelector("#no-origins").ShouldNotBeNull();
        document.QuerySelector("#last-seen")!.TextContent.ShouldContain("Not seen on your site yet");
        home.QuerySelector($"#sidebar a[href='{Path}']").ShouldNotBeNull();
        var step = home.QuerySelectorAll("#checklist li").Single(li => li.TextContent.Contains("Install the chat widget", StringComparison.Ordinal));
        step.GetAttribute("data-status").ShouldBe("Missing");
        step.QuerySelector("a")!.GetAttribute("href").ShouldBe(Path);
    }

    [Fact]
    public async Task An_owner_adds_sites_in_any_spelling_once_each_and_removes_one()
    {
        var owner = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);

        using var shop = await AddAsync(browser, "  HTTPS://Shop.Example:443/ ");
        using var again = await AddAsync(browser, "https://shop.example");
        using var blog = await AddAsync(browser, "http://blog.example:8080");
        var listed = new HtmlParser().ParseDocument(await browser.OpenAsync(Path));
        using var removed = await RemoveAsync(browser, listed, "https://shop.example");

        shop.StatusCode.ShouldBe(HttpStatusCode.Redirect, await shop.Content.ReadAsStringAsync());
        again.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        blog.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        listed.QuerySelectorAll("#allowed-origins .allowed-origin-value").Select(o => o.TextContent).ShouldBe(["https://shop.example", "http://blog.example:8080"]);
        removed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await OriginsAsync(owner)).ShouldBe(["http://blog.example:8080"]);
    }

    [Theory]
    [InlineData("shop.example", "Enter a site address starting with https:// or http://, like https://www.example.com.")]
    [InlineData("ftp://shop.example", "Enter a site address starting with https:// or http://, like https://www.example.com.")]
    [InlineData("https://*.shop.example", "List each site on its own: wildcards are not allowed.")]
    [InlineData("https://shop.example/contact", "Enter the site's address only, without a path: like https://www.example.com.")]
    [InlineData("https://user:secret@shop.example", "Enter the site's address only, without a path: like https://www.example.com.")]
    [InlineData("", "Enter a site address like https://www.example.com.")]
    public async Task A_bad_site_address_gets_a_message_next_to_the_field_and_nothing_is_saved(string origin, string message)
    {
        var owner = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);

        using var response = await AddAsync(browser, origin);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        ProfilePageTests.MessageFor(await response.Content.ReadAsStringAsync(), "Origin").ShouldBe(message);
        (await OriginsAsync(owner)).ShouldBeEmpty();
    }

    [Fact]
    public async Task After_twenty_sites_another_is_refused_with_a_message()
    {
        var owner = await fixture.CreateTenantAsync();
        await fixture.Factory.InTenantAsync(owner.TenantId, async sp =>
        {
            var install = sp.GetRequiredService<WidgetInstallAppService>();
            for (var i = 0; i < WidgetOrigins.MaxOrigins - 1; i++)
            {
                await install.AddOriginAsync($"https://site{i}.example");
            }
        });
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);

        using var last = await AddAsync(browser, "https://last.example");
        var full = new HtmlParser().ParseDocument(await browser.OpenAsync(Path));
        using var crafted = await browser.Client.PostAsync(new Uri($"{Path}?handler=Add", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Origin"] = "https://one-more.example",
            ["__RequestVerificationToken"] = Browser.AntiforgeryToken(full.DocumentElement.OuterHtml),
        }));

        last.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        full.QuerySelector("#origin-form").ShouldBeNull();
        full.QuerySelector("#origins-full").ShouldNotBeNull();
        crafted.StatusCode.ShouldBe(HttpStatusCode.OK);
        ProfilePageTests.MessageFor(await crafted.Content.ReadAsStringAsync(), "Origin").ShouldBe("At most 20 sites can be listed: remove one first.");
        (await OriginsAsync(owner)).Count.ShouldBe(WidgetOrigins.MaxOrigins);
    }

    [Fact]
    public async Task Once_the_widget_ran_on_a_site_the_page_says_where_and_when_and_the_checklist_ticks_the_step()
    {
        var owner = await fixture.CreateTenantAsync();
        await fixture.Factory.InTenantAsync(owner.TenantId, sp => sp.GetRequiredService<WidgetSightings>().RecordAsync("https://shop.example"));
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);

        var page = new HtmlParser().ParseDocument(await browser.OpenAsync(Path));
        var home = new HtmlParser().ParseDocument(await browser.OpenAsync("/"));

        page.QuerySelector("#last-seen-origin")!.TextContent.ShouldBe("https://shop.example");
        page.QuerySelector("#last-seen time").ShouldNotBeNull();
        home.QuerySelectorAll("#checklist li").Single(li => li.TextContent.Contains("Install the chat widget", StringComparison.Ordinal))
            .GetAttribute("data-status").ShouldBe("Done");
    }

    private static async Task<HttpResponseMessage> AddAsync(Browser browser, string origin) =>
        await HtmlForm.Parse(await browser.OpenAsync(Path), "#origin-form", Path).Set("Origin", origin).PostAsync(browser);

    private static async Task<HttpResponseMessage> RemoveAsync(Browser browser, AngleSharp.Html.Dom.IHtmlDocument page, string origin)
    {
        var item = page.QuerySelectorAll("#allowed-origins .allowed-origin").Single(li => li.QuerySelector(".allowed-origin-value")!.TextContent == origin);
        var html = item.QuerySelector("form")!.OuterHtml;
        return await HtmlForm.Parse($"<html><body>{html}</body></html>", "form", Path).PostAsync(browser);
    }

    private Task<string> WidgetKeyAsync(TenantOwner owner) =>
        fixture.Factory.InTenantAsync(owner.TenantId, sp => sp.GetRequiredService<SmbAgentDbContext>().Tenants.Where(t => t.Id == owner.TenantId).Select(t => t.WidgetKey).SingleAsync());

    private Task<List<string>> OriginsAsync(TenantOwner owner) =>
        fixture.Factory.InTenantAsync(owner.TenantId, async sp => (await sp.GetRequiredService<SmbAgentDbContext>().AgentSettings.AsNoTracking().SingleAsync()).AllowedOrigins);
}
