using System.Net;
using SmbAgent.KnowledgeBase;
using SmbAgent.Web.Pages.Workspace.Knowledge;
using SmbAgent.Web.Tests.Workspace;
using static SmbAgent.Web.Tests.Knowledge.KnowledgePages;

namespace SmbAgent.Web.Tests.Knowledge;

/// <summary>Bad input gets a message next to its field, the form keeps what was typed, and nothing is stored.</summary>
[Collection(KnowledgePagesGroup.Name)]
public sealed class KnowledgeInputTests(KnowledgeFixture fixture)
{
    [Fact]
    public async Task Empty_text_is_refused_next_to_the_field_and_the_title_is_kept()
    {
        var (owner, browser) = await SignedInAsync();
        using var _ = browser;

        using var response = await AddAsync(browser, "AddText", ("Input.Title", "Our story"), ("Input.Text", "   "));
        var page = Parse(await response.Content.ReadAsStringAsync());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("[data-valmsg-for='Input.Text']")!.TextContent.ShouldBe("Enter the text the agent may answer from.");
        page.QuerySelector("#Input_Title")!.GetAttribute("value").ShouldBe("Our story");
        (await fixture.Factory.SourceCountAsync(owner.TenantId)).ShouldBe(0);
    }

    [Fact]
    public async Task Text_without_a_title_and_a_faq_without_pairs_are_refused_with_their_input_kept()
    {
        var (owner, browser) = await SignedInAsync();
        using var _ = browser;

        using var text = await AddAsync(browser, "AddText", ("Input.Title", string.Empty), ("Input.Text", "Some text"));
        using var faq = await AddAsync(browser, "AddFaq", ("Input.Title", "FAQ"), ("Input.Text", "Just a sentence, no pairs."));
        using var emptyFaq = await AddAsync(browser, "AddFaq", ("Input.Title", "FAQ"), ("Input.Text", string.Empty));
        var textPage = Parse(await text.Content.ReadAsStringAsync());
        var faqPage = Parse(await faq.Content.ReadAsStringAsync());

        textPage.QuerySelector("[data-valmsg-for='Input.Title']")!.TextContent.ShouldBe("Enter a title.");
        textPage.QuerySelector("#Input_Text")!.TextContent.Trim().ShouldBe("Some text");
        faqPage.QuerySelector("[data-valmsg-for='Input.Text']")!.TextContent.ShouldStartWith("No question and answer pairs were found");
        faqPage.QuerySelector("#Input_Text")!.TextContent.Trim().ShouldBe("Just a sentence, no pairs.");
        Parse(await emptyFaq.Content.ReadAsStringAsync()).QuerySelector("[data-valmsg-for='Input.Text']")!.TextContent.ShouldBe("Add at least one question with its answer.");
        (await fixture.Factory.SourceCountAsync(owner.TenantId)).ShouldBe(0);
    }

    [Theory]
    [InlineData("http://10.1.2.3/prices", "The address 10.1.2.3 is not allowed: only public web addresses can be fetched.")]
    [InlineData("http://169.254.169.254/latest/meta-data/", "The address 169.254.169.254 is not allowed: only public web addresses can be fetched.")]
    [InlineData("http://[fd00::1]/", "The address fd00::1 is not allowed: only public web addresses can be fetched.")]
    [InlineData("ftp://example.com/file", "Enter a full web address starting with http:// or https://.")]
    [InlineData("", "Enter the page's address.")]
    public async Task A_private_or_malformed_address_is_refused_on_the_form_with_the_address_kept(string url, string message)
    {
        var (owner, browser) = await SignedInAsync();
        using var _ = browser;

        using var response = await AddAsync(browser, "AddUrl", ("Input.Url", url), ("Input.Title", "Prices"));
        var page = Parse(await response.Content.ReadAsStringAsync());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("[data-valmsg-for='Input.Url']")!.TextContent.ShouldBe(message);
        page.QuerySelector("#Input_Url")!.GetAttribute("value").ShouldBe(url);
        page.QuerySelector("#Input_Title")!.GetAttribute("value").ShouldBe("Prices");
        (await fixture.Factory.SourceCountAsync(owner.TenantId)).ShouldBe(0);
    }

    /// <summary>The tests' admin and API are at <c>http://localhost</c> (<c>PublicUrls</c>), loopback allowed.</summary>
    [Theory]
    [InlineData("http://127.0.0.1/Dev/Mail")]
    [InlineData("http://localhost/Dev/Mail")]
    [InlineData("http://[::1]/Workspace/Leads")]
    [InlineData("http://localhost/Dev/SampleSite/../Mail")]
    [InlineData("http://localhost/api/app/knowledge/sources")]
    public async Task A_page_of_the_app_itself_is_refused_on_the_form(string url)
    {
        var (owner, browser) = await SignedInAsync();
        using var _ = browser;

        using var response = await AddAsync(browser, "AddUrl", ("Input.Url", url), ("Input.Title", "Mail"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Parse(await response.Content.ReadAsStringAsync()).QuerySelector("[data-valmsg-for='Input.Url']")!.TextContent
            .ShouldBe("This address is SmbAgent itself: add your business's own website instead.");
        (await fixture.Factory.SourceCountAsync(owner.TenantId)).ShouldBe(0);
    }

    [Fact]
    public async Task The_sample_site_of_the_app_is_accepted()
    {
        var (owner, browser) = await SignedInAsync();
        using var _ = browser;

        using var response = await AddAsync(browser, "AddUrl", ("Input.Url", "http://127.0.0.1:5010/Dev/SampleSite"), ("Input.Title", "Sample"));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await fixture.Factory.SourceCountAsync(owner.TenantId)).ShouldBe(1);
    }

    [Fact]
    public async Task A_file_that_is_not_a_pdf_is_refused_with_the_title_kept()
    {
        var (owner, browser) = await SignedInAsync();
        using var _ = browser;

        using var response = await UploadPdfAsync(browser, "<html>not a pdf</html>"u8.ToArray(), "prices.pdf", "Price list");
        var page = Parse(await response.Content.ReadAsStringAsync());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("[data-valmsg-for='Input.File']")!.TextContent.ShouldBe("The file is not a PDF. Choose a file saved as PDF.");
        page.QuerySelector("#Input_Title")!.GetAttribute("value").ShouldBe("Price list");
        (await fixture.Factory.SourceCountAsync(owner.TenantId)).ShouldBe(0);
    }

    [Fact]
    public async Task An_empty_file_asks_for_a_pdf()
    {
        var (owner, browser) = await SignedInAsync();
        using var _ = browser;

        using var response = await UploadPdfAsync(browser, [], "empty.pdf", "Empty");

        Parse(await response.Content.ReadAsStringAsync()).QuerySelector("[data-valmsg-for='Input.File']")!.TextContent.ShouldBe("Choose a PDF file.");
        (await fixture.Factory.SourceCountAsync(owner.TenantId)).ShouldBe(0);
    }

    [Fact]
    public async Task A_pdf_one_byte_over_the_limit_is_refused_next_to_the_field_with_the_title_kept()
    {
        var (owner, browser) = await SignedInAsync();
        using var _ = browser;
        var file = PaddedPdf(KnowledgeSourceConsts.MaxPdfBytes + 1);

        using var response = await UploadPdfAsync(browser, file, "big.pdf", "Big brochure");
        var page = Parse(await response.Content.ReadAsStringAsync());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("[data-valmsg-for='Input.File']")!.TextContent.ShouldBe("The PDF can't be larger than 10 MB.");
        page.QuerySelector("#Input_Title")!.GetAttribute("value").ShouldBe("Big brochure");
        (await fixture.Factory.SourceCountAsync(owner.TenantId)).ShouldBe(0);
    }

    [Fact]
    public async Task An_upload_far_over_the_limit_is_turned_away_before_it_is_read_and_the_form_says_why()
    {
        var (owner, browser) = await SignedInAsync();
        using var _ = browser;

        using var response = await UploadPdfAsync(browser, PaddedPdf(3 * KnowledgeSourceConsts.MaxPdfBytes), "huge.pdf", "Huge");
        var form = Parse(await browser.OpenAsync("/Workspace/Knowledge/AddPdf"));
        var again = Parse(await browser.OpenAsync("/Workspace/Knowledge/AddPdf"));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/Workspace/Knowledge/AddPdf");
        form.QuerySelector("[data-valmsg-for='Input.File']")!.TextContent.ShouldBe(PdfUploadLimitAttribute.TooLargeMessage);
        again.QuerySelector("[data-valmsg-for='Input.File']")!.TextContent.ShouldBeEmpty("the message is shown once");
        (await fixture.Factory.SourceCountAsync(owner.TenantId)).ShouldBe(0);
    }

    [Fact]
    public async Task A_loopback_address_is_refused_when_the_development_setting_is_off()
    {
        await using var strict = new WebHostFactory(fixture.Factory.Database, overrides: KnowledgeFixture.Settings(allowLoopbackUrls: false));
        var owner = await TestTenants.CreateAsync(strict.Services);
        using var browser = new Browser(strict.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = WebHostFactory.BaseAddress, AllowAutoRedirect = false }));
        await browser.SignInAsync(owner);

        using var response = await AddAsync(browser, "AddUrl", ("Input.Url", fixture.Pages.Url("/about").ToString()));

        Parse(await response.Content.ReadAsStringAsync()).QuerySelector("[data-valmsg-for='Input.Url']")!.TextContent
            .ShouldBe("The address 127.0.0.1 is not allowed: only public web addresses can be fetched.");
        (await strict.SourceCountAsync(owner.TenantId)).ShouldBe(0);
    }

    /// <summary>A PDF signature followed by filler: only its size matters to these tests.</summary>
    private static byte[] PaddedPdf(int size)
    {
        var file = new byte[size];
        "%PDF-1.7\n"u8.CopyTo(file);
        return file;
    }

    private async Task<(TenantOwner Owner, Browser Browser)> SignedInAsync()
    {
        var owner = await fixture.CreateTenantAsync();
        var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);
        return (owner, browser);
    }
}
