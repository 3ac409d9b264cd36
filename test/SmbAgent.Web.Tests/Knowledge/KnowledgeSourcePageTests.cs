using System.Net;
using SmbAgent.Web.Tests.Workspace;
using static SmbAgent.Web.Tests.Knowledge.KnowledgePages;

namespace SmbAgent.Web.Tests.Knowledge;

/// <summary>The owner adds each kind of source through the pages; the queued job indexes it and the pages show it.</summary>
[Collection(KnowledgePagesGroup.Name)]
public sealed class KnowledgeSourcePageTests(KnowledgeFixture fixture)
{
    private const string Faq = """
        Q: What are your opening hours?
        A: We are open Monday to Friday from 8 am to 6 pm, and Saturdays from 9 am to 1 pm.

        Q: How much does a callout cost?
        A: A standard callout costs 80 dollars, including the first hour of labour.
        """;

    [Fact]
    public async Task A_faq_is_queued_as_pending_and_after_its_job_runs_the_list_shows_it_indexed_with_its_passages()
    {
        var owner = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);

        using var response = await AddAsync(browser, "AddFaq", ("Input.Title", "Plumbing FAQ"), ("Input.Text", Faq));
        var pending = await browser.OpenAsync(ListPath);
        var statusWhilePending = await browser.GetPageAsync($"{ListPath}?handler=Status");
        var ran = await fixture.RunQueuedIngestionsAsync(owner.TenantId);
        var indexed = await browser.OpenAsync(ListPath);
        var statusWhenIndexed = await browser.GetPageAsync($"{ListPath}?handler=Status");
        var id = (await fixture.Factory.SourceAsync(owner.TenantId, "Plumbing FAQ")).ShouldNotBeNull().Id;
        var details = Parse(await browser.OpenAsync(DetailsPath(id)));

        response.ShouldRedirectToList(await response.Content.ReadAsStringAsync());
        pending.ShouldContain(Browser.Html("\u201CPlumbing FAQ\u201D is added."));
        StatusOf(Row(pending, "Plumbing FAQ")).ShouldBe("Pending");
        Parse(pending).QuerySelector("#indexing-note").ShouldNotBeNull();
        statusWhilePending.MediaType.ShouldBe("application/json");
        statusWhilePending.Html.ShouldBe($"[{{\"id\":\"{id}\",\"status\":\"Pending\"}}]");
        ran.ShouldBe(1);
        statusWhenIndexed.Html.ShouldBe($"[{{\"id\":\"{id}\",\"status\":\"Indexed\"}}]");
        var row = Row(indexed, "Plumbing FAQ");
        StatusOf(row).ShouldBe("Indexed");
        row.TextContent.ShouldContain("FAQ");
        row.QuerySelectorAll("td")[4].TextContent.Trim().ShouldBe("2");
        Parse(indexed).QuerySelector("#indexing-note").ShouldBeNull();
        details.QuerySelectorAll("#passages .passage-title").Select(t => t.TextContent).ShouldBe(["What are your opening hours?", "How much does a callout cost?"]);
        details.QuerySelector("#source-status")!.TextContent.ShouldBe("Indexed");
    }

    [Fact]
    public async Task Markdown_text_is_split_by_heading_in_the_language_chosen()
    {
        var owner = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);

        using var response = await AddAsync(browser, "AddText",
            ("Input.Title", "Guía"), ("Input.Language", "es"), ("Input.IsMarkdown", "true"),
            ("Input.Text", "# Horario\nAbrimos de martes a domingo.\n\n# Entregas\nEntregamos pan en el barrio."));
        await fixture.RunQueuedIngestionsAsync(owner.TenantId);
        var source = (await fixture.Factory.SourceAsync(owner.TenantId, "Guía")).ShouldNotBeNull();
        var details = Parse(await browser.OpenAsync(DetailsPath(source.Id)));

        response.ShouldRedirectToList(await response.Content.ReadAsStringAsync());
        source.Kind.ShouldBe(KnowledgeBase.KnowledgeSourceKind.Markdown);
        source.Language.ShouldBe("es");
        details.QuerySelector("#source-info")!.TextContent.ShouldContain("Español");
        details.QuerySelectorAll("#passages .passage-title").Select(t => t.TextContent).ShouldBe(["Horario", "Entregas"]);
    }

    [Fact]
    public async Task A_web_page_from_the_local_server_is_fetched_cleaned_titled_by_its_page_and_linked_with_a_safe_rel()
    {
        var owner = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);
        var url = fixture.Pages.Url("/about").ToString();

        using var response = await AddAsync(browser, "AddUrl", ("Input.Url", url));
        await fixture.RunQueuedIngestionsAsync(owner.TenantId);
        var row = Row(await browser.OpenAsync(ListPath), "Bakery");
        var source = (await fixture.Factory.SourceAsync(owner.TenantId, "Bakery")).ShouldNotBeNull();
        var passages = Parse(await browser.OpenAsync(DetailsPath(source.Id))).QuerySelector("#passages")!.TextContent;

        response.ShouldRedirectToList(await response.Content.ReadAsStringAsync());
        StatusOf(row).ShouldBe("Indexed", row.OuterHtml);
        var link = row.QuerySelector("a[href^='http://127.0.0.1']").ShouldNotBeNull();
        link.GetAttribute("href").ShouldBe(url);
        link.GetAttribute("rel").ShouldBe("noopener noreferrer nofollow");
        passages.ShouldContain("We bake sourdough bread every morning");
        passages.ShouldNotContain("script-text");
    }

    [Fact]
    public async Task A_pdf_upload_is_indexed_from_its_text()
    {
        var owner = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);
        var pdf = TestPdfs.WithLines("Price list", "A standard callout costs 80 dollars.", "Boiler service: 120 dollars.");

        using var response = await UploadPdfAsync(browser, pdf, "prices.pdf");
        await fixture.RunQueuedIngestionsAsync(owner.TenantId);
        var row = Row(await browser.OpenAsync(ListPath), "prices.pdf");
        var source = (await fixture.Factory.SourceAsync(owner.TenantId, "prices.pdf")).ShouldNotBeNull();
        var passages = Parse(await browser.OpenAsync(DetailsPath(source.Id))).QuerySelector("#passages")!.TextContent;

        response.ShouldRedirectToList(await response.Content.ReadAsStringAsync());
        StatusOf(row).ShouldBe("Indexed", row.OuterHtml);
        row.TextContent.ShouldContain("PDF");
        source.Origin.ShouldBe("prices.pdf");
        passages.ShouldContain("Boiler service: 120 dollars.");
    }

    [Fact]
    public async Task A_failed_page_shows_why_and_only_it_offers_retry_which_queues_it_again()
    {
        var owner = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);
        using var added = await AddAsync(browser, "AddUrl", ("Input.Url", fixture.Pages.Url("/missing").ToString()), ("Input.Title", "Gone page"));
        await fixture.RunQueuedIngestionsAsync(owner.TenantId);
        var failed = Row(await browser.OpenAsync(ListPath), "Gone page");
        var id = (await fixture.Factory.SourceAsync(owner.TenantId, "Gone page")).ShouldNotBeNull().Id;

        using var retry = await PostListActionAsync(browser, "Retry", id);
        var afterRetry = await browser.OpenAsync(ListPath);
        using var retryAgain = await PostListActionAsync(browser, "Retry", id);

        StatusOf(failed).ShouldBe("Failed");
        failed.QuerySelector(".failure-reason").ShouldNotBeNull().TextContent.ShouldNotBeNullOrWhiteSpace();
        failed.QuerySelector("form[action*='handler=Retry']").ShouldNotBeNull();
        failed.QuerySelector("form[action*='handler=Refetch']").ShouldNotBeNull();
        retry.ShouldRedirectToList("retry");
        afterRetry.ShouldContain("is queued for indexing again");
        StatusOf(Row(afterRetry, "Gone page")).ShouldBe("Pending");
        Row(afterRetry, "Gone page").QuerySelector("form[action*='handler=Retry']").ShouldBeNull();
        retryAgain.StatusCode.ShouldBe(HttpStatusCode.OK, "a source that has not failed is not retried");
        (await retryAgain.Content.ReadAsStringAsync()).ShouldContain("Only a source that failed can be retried.");
    }

    [Fact]
    public async Task Refetching_a_page_queues_it_and_deleting_a_source_removes_it()
    {
        var owner = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);
        using var added = await AddAsync(browser, "AddUrl", ("Input.Url", fixture.Pages.Url("/about").ToString()), ("Input.Title", "About"));
        await fixture.RunQueuedIngestionsAsync(owner.TenantId);
        var id = (await fixture.Factory.SourceAsync(owner.TenantId, "About")).ShouldNotBeNull().Id;

        using var refetch = await PostListActionAsync(browser, "Refetch", id);
        var queued = await fixture.RunQueuedIngestionsAsync(owner.TenantId);
        var list = await browser.OpenAsync(ListPath);
        using var delete = await PostListActionAsync(browser, "Delete", id);
        var afterDelete = await browser.OpenAsync(ListPath);

        refetch.ShouldRedirectToList("refetch");
        queued.ShouldBe(1);
        StatusOf(Row(list, "About")).ShouldBe("Indexed");
        Row(list, "About").QuerySelector("form[data-confirm]").ShouldNotBeNull().GetAttribute("data-confirm").ShouldBe("Delete \u201CAbout\u201D? The agent stops using it at once.");
        delete.ShouldRedirectToList("delete");
        afterDelete.ShouldContain("The source is deleted");
        Parse(afterDelete).QuerySelector("#knowledge-empty").ShouldNotBeNull();
        (await fixture.Factory.SourceCountAsync(owner.TenantId)).ShouldBe(0);
    }

    [Fact]
    public async Task Editing_a_faq_on_its_page_saves_the_new_pairs_and_queues_it_again()
    {
        var owner = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);
        using var added = await AddAsync(browser, "AddFaq", ("Input.Title", "Short FAQ"), ("Input.Text", "Q: Do you deliver?\nA: Yes."));
        await fixture.RunQueuedIngestionsAsync(owner.TenantId);
        var id = (await fixture.Factory.SourceAsync(owner.TenantId, "Short FAQ")).ShouldNotBeNull().Id;
        var path = DetailsPath(id);
        var form = HtmlForm.Parse(await browser.OpenAsync(path), "#edit-form", path);
        var shown = form.Values("Input.Text");

        using var noPairs = await form.Set("Input.Text", "no pairs here").PostAsync(browser);
        var noPairsPage = Parse(await noPairs.Content.ReadAsStringAsync());
        using var saved = await form.Set("Input.Text", "Q: Do you deliver?\nA: Yes, within 5 miles.\nQ: Do you bake cakes?\nA: On order.").PostAsync(browser);
        var ran = await fixture.RunQueuedIngestionsAsync(owner.TenantId);
        var details = Parse(await browser.OpenAsync(path));

        shown.ShouldBe(["Q: Do you deliver?\nA: Yes."]);
        noPairs.StatusCode.ShouldBe(HttpStatusCode.OK);
        noPairsPage.QuerySelector(".validation-summary-errors").ShouldNotBeNull().TextContent.ShouldContain("No question and answer pairs were found");
        noPairsPage.QuerySelector("#Input_Text")!.TextContent.ShouldBe("no pairs here");
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        saved.Headers.Location!.OriginalString.ShouldBe(path);
        ran.ShouldBe(1);
        details.QuerySelectorAll("#passages .passage-title").Select(t => t.TextContent).ShouldBe(["Do you deliver?", "Do you bake cakes?"]);
    }
}
