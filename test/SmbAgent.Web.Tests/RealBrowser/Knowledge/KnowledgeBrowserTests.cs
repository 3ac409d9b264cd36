using System.Net;
using Microsoft.Playwright;
using SmbAgent.KnowledgeBase;
using SmbAgent.TestKit;
using SmbAgent.Web.Pages.Workspace.Knowledge;
using SmbAgent.Web.Tests.Knowledge;

namespace SmbAgent.Web.Tests.RealBrowser.Knowledge;

/// <summary>The knowledge base in Chromium, over the real local embedding model.</summary>
public sealed class KnowledgeBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_owner_adds_a_faq_watches_it_become_indexed_and_a_paraphrased_test_question_finds_it_above_the_threshold()
    {
        var owner = await fixture.CreateTenantAsync();
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, owner.Name, owner.Email, owner.Password);

        await page.GetByRole(AriaRole.Link, new() { Name = "Knowledge", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#knowledge-empty")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "knowledge-empty");
        await page.GetByRole(AriaRole.Link, new() { Name = "Add content" }).ClickAsync();
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Plumbing FAQ");
        await page.GetByLabel("Questions and answers", new() { Exact = true }).FillAsync("""
            Q: Do you offer emergency repairs?
            A: Yes, we have a 24-hour emergency service for burst pipes and leaks.

            Q: What are your opening hours?
            A: We are open Monday to Friday from 8 am to 6 pm, and Saturdays from 9 am to 1 pm.

            Q: How much does a callout cost?
            A: A standard callout costs 80 dollars, including the first hour of labour.
            """);
        await BrowserFixture.ScreenshotAsync(page, "knowledge-add-faq");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add questions and answers" }).ClickAsync();
        var status = page.Locator("#knowledge-sources .source-status .badge");
        await Assertions.Expect(status).ToHaveTextAsync("Pending");
        await BrowserFixture.ScreenshotAsync(page, "knowledge-pending");

        (await KnowledgeFixture.RunQueuedIngestionsAsync(fixture.Factory.Services, owner.TenantId)).ShouldBe(1);

        // No reload by the test: the list polls while a source is pending and reloads itself when it changes.
        await Assertions.Expect(status).ToHaveTextAsync("Indexed", new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator("#indexing-note")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, "knowledge-indexed");
        (await page.Locator("#knowledge-sources tbody tr td").Nth(4).InnerTextAsync()).Trim().ShouldBe("3");
        await page.GetByRole(AriaRole.Link, new() { Name = "Plumbing FAQ" }).ClickAsync();
        await Assertions.Expect(page.Locator("#passages .passage-title")).ToHaveTextAsync(["Do you offer emergency repairs?", "What are your opening hours?", "How much does a callout cost?"]);
        await BrowserFixture.ScreenshotAsync(page, "knowledge-details");

        await page.GetByRole(AriaRole.Link, new() { Name = "Knowledge base" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Test a question" }).ClickAsync();
        await page.GetByLabel("Question", new() { Exact = true }).FillAsync("When do you close in the evening?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        var verdict = page.Locator("#threshold-verdict");
        await Assertions.Expect(verdict).ToContainTextAsync("Threshold met.");
        await BrowserFixture.ScreenshotAsync(page, "knowledge-test-question");

        (await verdict.InnerTextAsync()).ShouldContain("The agent would answer from these passages.");
        page.Url.ShouldEndWith("/Workspace/Knowledge/Test?q=When+do+you+close+in+the+evening%3F");
        var first = page.Locator("#passages .passage").First;
        (await first.Locator(".passage-source").InnerTextAsync()).ShouldBe("Plumbing FAQ");
        (await first.Locator(".passage-citation").InnerTextAsync()).ShouldBe("What are your opening hours?");
        (await first.Locator(".passage-text").InnerTextAsync()).ShouldContain("Monday to Friday from 8 am to 6 pm");
    }

    /// <summary>The "done when", offline: a page of the (sample) business website and a PDF, each found by a paraphrase.</summary>
    [Fact]
    public async Task An_owner_adds_a_website_page_and_a_pdf_and_the_test_box_finds_each_by_a_paraphrase()
    {
        var owner = await fixture.CreateTenantAsync();
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, owner.Name, owner.Email, owner.Password);

        await page.GotoAsync("/Workspace/Knowledge/AddUrl");
        await page.GetByLabel("Address of the page").FillAsync(new Uri(fixture.BaseAddress, "/Dev/SampleSite").AbsoluteUri);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add web page" }).ClickAsync();
        await page.GotoAsync("/Workspace/Knowledge/AddPdf");
        await page.GetByLabel("PDF file").SetInputFilesAsync(new FilePayload
        {
            Name = "dental-price-list.pdf",
            MimeType = "application/pdf",
            Buffer = TestPdfs.WithLines("Price list", "A check-up with cleaning costs 65 dollars.", "Teeth whitening costs 250 dollars for both arches."),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload PDF" }).ClickAsync();

        (await KnowledgeFixture.RunQueuedIngestionsAsync(fixture.Factory.Services, owner.TenantId)).ShouldBe(2);
        await Assertions.Expect(page.Locator("#knowledge-sources .source-status .badge")).ToHaveTextAsync(["Indexed", "Indexed"], new() { Timeout = 20_000 });
        await BrowserFixture.ScreenshotAsync(page, "knowledge-url-and-pdf-indexed");
        await Assertions.Expect(page.Locator("#knowledge-sources .source-title > a")).ToHaveTextAsync(
            ["dental-price-list.pdf", "Brightwater Plumbing & Heating — Services and prices"]);

        await AskAsync(page, "is there an extra charge if you come out in the middle of the night?");
        (await page.Locator("#passages .passage").First.Locator(".passage-citation").InnerTextAsync()).ShouldBe("Emergency call-outs");
        await Assertions.Expect(page.Locator("#threshold-verdict")).ToContainTextAsync("Threshold met.");
        await AskAsync(page, "how much is it to whiten my teeth");
        (await page.Locator("#passages .passage").First.Locator(".passage-source").InnerTextAsync()).ShouldBe("dental-price-list.pdf");
        await Assertions.Expect(page.Locator("#threshold-verdict")).ToContainTextAsync("Threshold met.");
    }

    private static async Task AskAsync(IPage page, string question)
    {
        await page.GotoAsync("/Workspace/Knowledge/Test");
        await page.GetByLabel("Question", new() { Exact = true }).FillAsync(question);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(page.Locator("#threshold-verdict")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_pdf_over_the_limit_is_refused_in_the_browser_before_it_is_uploaded()
    {
        var owner = await fixture.CreateTenantAsync();
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, owner.Name, owner.Email, owner.Password);
        await page.GotoAsync("/Workspace/Knowledge/AddPdf");
        var file = page.GetByLabel("PDF file");

        await file.SetInputFilesAsync(new FilePayload { Name = "big.pdf", MimeType = "application/pdf", Buffer = new byte[KnowledgeSourceConsts.MaxPdfBytes + 1] });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload PDF" }).ClickAsync();

        (await file.EvaluateAsync<string>("input => input.validationMessage")).ShouldBe(PdfUploadLimitAttribute.TooLargeMessage);
        page.Url.ShouldEndWith("/Workspace/Knowledge/AddPdf");
        (await page.Locator(".alert-success").CountAsync()).ShouldBe(0);
    }

    /// <summary>
    /// Over real Kestrel (the in-memory test server neither drains nor resets): a body that announces its
    /// oversize gets the redirect to the form, not a reset connection; one without a length is cut off by the
    /// page's limit and answered with the error page, not a 500.
    /// </summary>
    [Fact]
    public async Task Over_kestrel_an_oversized_upload_is_redirected_to_the_form_and_one_without_a_length_is_cut_off_with_400()
    {
        var owner = await fixture.CreateTenantAsync();
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
        using var browser = new Browser(new HttpClient(handler) { BaseAddress = fixture.BaseAddress });
        await browser.SignInAsync(owner);
        // The auth cookie is Secure; Chromium sends it to a loopback address over HTTP, .NET's cookie container does not.
        foreach (var cookie in handler.CookieContainer.GetAllCookies().Where(c => c.Secure))
        {
            handler.CookieContainer.Add(fixture.BaseAddress, new System.Net.Cookie(cookie.Name, cookie.Value, cookie.Path));
        }

        var token = Browser.AntiforgeryToken(await browser.Client.GetStringAsync(new Uri("/Workspace/Knowledge/AddPdf", UriKind.Relative)));

        using var announced = await UploadAsync(browser, token, chunked: false);
        using var unannounced = await UploadAsync(browser, token, chunked: true);

        announced.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        announced.Headers.Location!.OriginalString.ShouldBe("/Workspace/Knowledge/AddPdf");
        unannounced.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unannounced.Content.ReadAsStringAsync()).ShouldContain("Something went wrong");
        (await fixture.Factory.SourceCountAsync(owner.TenantId)).ShouldBe(0);
    }

    private static async Task<HttpResponseMessage> UploadAsync(Browser browser, string token, bool chunked)
    {
        var file = new byte[KnowledgeSourceConsts.MaxPdfBytes + (2 * 1024 * 1024)];
        "%PDF-1.7"u8.CopyTo(file);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Workspace/Knowledge/AddPdf")
        {
            Content = new MultipartFormDataContent
            {
                { new StringContent(token), "__RequestVerificationToken" },
                { new StringContent("Too big"), "Input.Title" },
                { new ByteArrayContent(file), "Input.File", "big.pdf" },
            },
        };
        request.Headers.TransferEncodingChunked = chunked;
        return await browser.Client.SendAsync(request);
    }
}
