using System.Globalization;
using SmbAgent.Web.Tests.Workspace;
using static SmbAgent.Web.Tests.Knowledge.KnowledgePages;

namespace SmbAgent.Web.Tests.Knowledge;

/// <summary>The "test a question" box over the real local embedding model.</summary>
[Collection(KnowledgePagesGroup.Name)]
public sealed class KnowledgeTestPageTests(KnowledgeFixture fixture)
{
    private const string Faq = """
        Q: Do you offer emergency repairs?
        A: Yes, we have a 24-hour emergency service for burst pipes and leaks.

        Q: What are your opening hours?
        A: We are open Monday to Friday from 8 am to 6 pm, and Saturdays from 9 am to 1 pm.

        Q: Which areas do you cover?
        A: We serve the whole of Springfield and the villages within 20 miles.

        Q: How much does a callout cost?
        A: A standard callout costs 80 dollars, including the first hour of labour.
        """;

    [Fact]
    public async Task A_paraphrased_question_finds_the_right_passage_with_its_scores_and_meets_the_threshold()
    {
        var browser = await OwnerWithFaqAsync();
        using var _ = browser;

        var page = Parse(await browser.OpenAsync($"{TestPath}?q={Uri.EscapeDataString("When do you close in the evening?")}"));
        var first = page.QuerySelector("#passages .passage").ShouldNotBeNull();

        page.QuerySelector("#threshold-verdict")!.GetAttribute("data-found").ShouldBe("true");
        page.QuerySelector("#threshold-verdict")!.TextContent.ShouldContain("The agent would answer from these passages.");
        page.QuerySelector("#q")!.GetAttribute("value").ShouldBe("When do you close in the evening?");
        first.QuerySelector(".passage-source")!.TextContent.ShouldBe("Plumbing FAQ");
        first.QuerySelector(".passage-citation")!.TextContent.ShouldBe("What are your opening hours?");
        first.QuerySelector(".passage-text")!.TextContent.ShouldContain("Monday to Friday from 8 am to 6 pm");
        double.Parse(first.QuerySelector(".passage-similarity")!.TextContent, CultureInfo.InvariantCulture).ShouldBeGreaterThanOrEqualTo(0.33);
        double.Parse(first.QuerySelector(".passage-score")!.TextContent, CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
        first.QuerySelector(".passage-text-rank").ShouldNotBeNull();
        page.QuerySelectorAll("#passages .passage").Length.ShouldBeInRange(1, 5);
    }

    [Fact]
    public async Task An_off_topic_question_is_below_the_threshold_and_says_the_agent_would_take_details()
    {
        var browser = await OwnerWithFaqAsync();
        using var _ = browser;

        var page = Parse(await browser.OpenAsync($"{TestPath}?q={Uri.EscapeDataString("Who won the football world cup in 1966?")}"));

        page.QuerySelector("#threshold-verdict")!.GetAttribute("data-found").ShouldBe("false");
        page.QuerySelector("#threshold-verdict")!.TextContent.ShouldContain("Below the threshold. The agent would say it doesn't know and offer to take details.");
    }

    [Theory]
    [InlineData("", "Type a question, as a customer would ask it.")]
    [InlineData("   ", "Type a question, as a customer would ask it.")]
    public async Task An_empty_question_gets_a_message_and_no_results(string question, string message)
    {
        var browser = await SignedInAsync();
        using var _ = browser;

        var page = Parse(await browser.OpenAsync($"{TestPath}?q={Uri.EscapeDataString(question)}"));

        page.QuerySelector("#q-error")!.TextContent.ShouldBe(message);
        page.QuerySelector("#q")!.GetAttribute("aria-invalid").ShouldBe("true");
        page.QuerySelector("#results").ShouldBeNull();
    }

    [Fact]
    public async Task A_question_over_the_maximum_length_gets_a_message_and_is_kept()
    {
        var browser = await SignedInAsync();
        using var _ = browser;
        var question = new string('a', 501);

        var page = Parse(await browser.OpenAsync($"{TestPath}?q={question}"));

        page.QuerySelector("#q-error")!.TextContent.ShouldBe("A question can have at most 500 characters; this one has 501.");
        page.QuerySelector("#q")!.GetAttribute("value").ShouldBe(question);
        page.QuerySelector("#results").ShouldBeNull();
    }

    [Fact]
    public async Task Without_a_question_the_box_is_shown_without_a_message()
    {
        var browser = await SignedInAsync();
        using var _ = browser;

        var page = Parse(await browser.OpenAsync(TestPath));

        page.QuerySelector("#test-form").ShouldNotBeNull().GetAttribute("method").ShouldBe("get");
        page.QuerySelector("#q-error").ShouldBeNull();
        page.QuerySelector("#results").ShouldBeNull();
    }

    private async Task<Browser> SignedInAsync()
    {
        var owner = await fixture.CreateTenantAsync();
        var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);
        return browser;
    }

    private async Task<Browser> OwnerWithFaqAsync()
    {
        var owner = await fixture.CreateTenantAsync();
        var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);
        using var added = await AddAsync(browser, "AddFaq", ("Input.Title", "Plumbing FAQ"), ("Input.Text", Faq));
        added.ShouldRedirectToList("the owner adds a FAQ");
        (await fixture.RunQueuedIngestionsAsync(owner.TenantId)).ShouldBe(1);
        return browser;
    }
}
