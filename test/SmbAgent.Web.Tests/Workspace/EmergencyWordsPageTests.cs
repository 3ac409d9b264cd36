using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Conversations;
using SmbAgent.EntityFrameworkCore;
using SmbAgent.TestKit;

namespace SmbAgent.Web.Tests.Workspace;

/// <summary>The owner's emergency words: added with a level, removed, bad phrases explained, other tenants' words out of reach.</summary>
public sealed class EmergencyWordsPageTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    private const string Path = "/Workspace/EmergencyWords";

    [Fact]
    public async Task An_owner_adds_an_urgent_and_a_harmless_phrase_and_sees_them_listed()
    {
        var owner = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);

        using var urgent = await AddAsync(browser, "  Sump   Pump ", "Urgent");
        using var harmless = await AddAsync(browser, "smoke", "Normal");
        var document = new HtmlParser().ParseDocument(await browser.OpenAsync(Path));

        urgent.StatusCode.ShouldBe(HttpStatusCode.Redirect, await urgent.Content.ReadAsStringAsync());
        harmless.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        document.QuerySelectorAll("#emergency-words .emergency-word")
            .Select(r => (r.QuerySelector(".emergency-word-phrase")!.TextContent, r.QuerySelector(".emergency-word-level")!.TextContent))
            .ShouldBe([("sump pump", "Urgent"), ("smoke", "Harmless")]);
        (await WordsAsync(owner)).Select(w => (w.Phrase, w.Level)).ShouldBe([("smoke", LeadPriority.Normal), ("sump pump", LeadPriority.Urgent)], ignoreOrder: true);
    }

    [Theory]
    [InlineData("", "Write a word or phrase.")]
    [InlineData("a*", "Use whole words of two letters or more.")]
    [InlineData("~ burst", "Use whole words of two letters or more.")]
    [InlineData("!!!", "Use whole words of two letters or more.")]
    public async Task A_phrase_the_agent_cannot_use_gets_a_message_next_to_the_field(string phrase, string message)
    {
        var owner = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);

        using var response = await AddAsync(browser, phrase, "Urgent");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        ProfilePageTests.MessageFor(await response.Content.ReadAsStringAsync(), "Input.Phrase").ShouldNotBeNull().ShouldStartWith(message);
        (await WordsAsync(owner)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_phrase_already_listed_in_any_case_or_a_level_the_page_does_not_offer_is_refused_with_a_message()
    {
        var owner = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);
        using var first = await AddAsync(browser, "pool pump", "High");

        using var again = await AddAsync(browser, "Pool Pump", "Urgent");
        using var low = await AddAsync(browser, "spa heater", "Low");

        first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        var summary = new HtmlParser().ParseDocument(await again.Content.ReadAsStringAsync()).QuerySelector(".validation-summary-errors");
        summary.ShouldNotBeNull().TextContent.ShouldContain("\"pool pump\" is already in your list");
        ProfilePageTests.MessageFor(await low.Content.ReadAsStringAsync(), "Input.Level").ShouldBe("Choose urgent, high or harmless.");
        (await WordsAsync(owner)).ShouldHaveSingleItem().Level.ShouldBe(LeadPriority.High);
    }

    [Fact]
    public async Task An_owner_removes_a_word_but_another_businesss_word_is_not_found()
    {
        var other = await fixture.CreateTenantAsync();
        using (var otherBrowser = fixture.CreateBrowser())
        {
            await otherBrowser.SignInAsync(other);
            using var added = await AddAsync(otherBrowser, "grease trap", "Urgent");
        }

        var owner = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);
        using var mine = await AddAsync(browser, "walk-in freezer", "Urgent");
        var ownId = (await WordsAsync(owner)).Single().Id;
        var otherId = (await WordsAsync(other)).Single().Id;
        var form = HtmlForm.Parse(await browser.OpenAsync(Path), "#emergency-word-form", Path);

        using var foreign = await form.PostAsync(browser, $"{Path}?handler=Delete&id={otherId}");
        using var removed = await form.PostAsync(browser, $"{Path}?handler=Delete&id={ownId}");

        foreign.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        removed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await WordsAsync(owner)).ShouldBeEmpty();
        (await WordsAsync(other)).ShouldHaveSingleItem().Id.ShouldBe(otherId);
    }

    [Fact]
    public async Task Staff_cannot_open_or_change_the_words()
    {
        var owner = await fixture.CreateTenantAsync();
        var staff = await fixture.Factory.CreateStaffAsync(owner);
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(staff);

        using var response = await browser.GetAsync(Path);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private static async Task<HttpResponseMessage> AddAsync(Browser browser, string phrase, string level) =>
        await HtmlForm.Parse(await browser.OpenAsync(Path), "#emergency-word-form", Path)
            .Set("Input.Phrase", phrase)
            .Set("Input.Level", level)
            .PostAsync(browser);

    private Task<List<EmergencyWord>> WordsAsync(TenantOwner owner) =>
        fixture.Factory.InTenantAsync(owner.TenantId, sp => sp.GetRequiredService<SmbAgentDbContext>().EmergencyWords.AsNoTracking().ToListAsync());
}
