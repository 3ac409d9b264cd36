using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Emailing;

namespace SmbAgent.Web.Tests.Account;

/// <summary>The development mail page: lists the pickup folder, shows mail as text, exists nowhere else.</summary>
public sealed class DevMailTests(AccountFixture fixture) : IClassFixture<AccountFixture>
{
    [Fact]
    public async Task The_page_lists_mails_newest_first_and_shows_one_with_its_links_and_its_html_only_as_encoded_text()
    {
        var to = $"dev-{Guid.NewGuid():N}@example.com";
        await SendAsync(new EmailMessage(to, "Older <b>mail</b>", "first"));
        await SendAsync(new EmailMessage(to, "Newer mail", "Open http://localhost/Account/Login?x=1 now", "<p>Hi</p><script>alert('x')</script>"));
        using var browser = fixture.CreateBrowser();

        var list = await browser.GetPageAsync("/Dev/Mail");
        var newest = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(list.Html).QuerySelectorAll("#mail-list tbody tr")
            .Where(r => r.TextContent.Contains(to, StringComparison.Ordinal)).ToList();
        var link = newest[0].QuerySelector("a")!.GetAttribute("href")!;
        var detail = await browser.GetPageAsync(link);

        list.Status.ShouldBe(HttpStatusCode.OK);
        newest.Count.ShouldBe(2);
        newest[0].TextContent.ShouldContain("Newer mail");
        newest[1].TextContent.ShouldContain("Older <b>mail</b>");
        list.Html.ShouldNotContain("Older <b>mail</b>");
        detail.Status.ShouldBe(HttpStatusCode.OK);
        detail.Html.ShouldContain("<a href=\"http://localhost/Account/Login?x=1\"");
        detail.Html.ShouldContain("sandbox=\"\"");
        detail.Html.ShouldNotContain("<script>alert");
        detail.Html.ShouldContain("srcdoc=\"&lt;p&gt;Hi&lt;/p&gt;&lt;script&gt;");
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("missing.eml")]
    public async Task A_name_outside_the_folder_or_a_missing_mail_is_404(string id)
    {
        using var browser = fixture.CreateBrowser();

        using var response = await browser.GetAsync("/Dev/Mail?id=" + Uri.EscapeDataString(id));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Outside_development_and_testing_the_page_does_not_exist()
    {
        await using var production = fixture.Factory.WithWebHostBuilder(builder => builder.UseEnvironment("Production"));
        using var browser = new Browser(production.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = WebHostFactory.BaseAddress, AllowAutoRedirect = false }));

        using var response = await browser.GetAsync("/Dev/Mail");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private async Task SendAsync(EmailMessage message)
    {
        await fixture.Factory.Services.GetRequiredService<IEmailSender>().SendAsync(message);
        await Task.Delay(5);
    }
}
