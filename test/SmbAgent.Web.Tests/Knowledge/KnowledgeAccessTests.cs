using System.Net;
using SmbAgent.Web.Tests.Workspace;
using static SmbAgent.Web.Tests.Knowledge.KnowledgePages;

namespace SmbAgent.Web.Tests.Knowledge;

/// <summary>Staff look but don't touch, another business's sources are 404, and what owners type is rendered as text.</summary>
[Collection(KnowledgePagesGroup.Name)]
public sealed class KnowledgeAccessTests(KnowledgeFixture fixture)
{
    [Fact]
    public async Task Staff_see_the_list_a_source_and_the_test_box_without_manage_controls()
    {
        var (owner, id) = await OwnerWithFaqAsync("Staff visible FAQ");
        var staff = await fixture.Factory.CreateStaffAsync(owner);
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(staff);

        var list = await browser.OpenAsync(ListPath);
        var details = await browser.OpenAsync(DetailsPath(id));
        var test = await browser.OpenAsync($"{TestPath}?q=opening+hours");

        Row(list, "Staff visible FAQ").QuerySelectorAll("form").ShouldBeEmpty();
        list.ShouldNotContain("Add content");
        Parse(list).QuerySelector("#sidebar a[href='/Workspace/Knowledge']").ShouldNotBeNull().TextContent.Trim().ShouldBe("Knowledge");
        Parse(details).QuerySelector("#edit-form").ShouldBeNull();
        Parse(details).QuerySelectorAll("form[action*='handler=']").ShouldBeEmpty();
        Parse(test).QuerySelector("#threshold-verdict").ShouldNotBeNull();
    }

    [Theory]
    [InlineData("/Workspace/Knowledge/AddFaq")]
    [InlineData("/Workspace/Knowledge/AddText")]
    [InlineData("/Workspace/Knowledge/AddUrl")]
    [InlineData("/Workspace/Knowledge/AddPdf")]
    public async Task Staff_get_403_on_the_add_pages(string path)
    {
        var owner = await fixture.CreateTenantAsync();
        var staff = await fixture.Factory.CreateStaffAsync(owner);
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(staff);

        using var response = await browser.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Staff_get_403_when_posting_an_add_delete_retry_refetch_or_edit_and_nothing_changes()
    {
        var (owner, id) = await OwnerWithFaqAsync("Protected FAQ");
        var staff = await fixture.Factory.CreateStaffAsync(owner);
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(staff);
        var token = Browser.AntiforgeryToken(await browser.OpenAsync(ListPath));

        using var add = await PostAsync(browser, "/Workspace/Knowledge/AddFaq", token, ("Input.Title", "Sneaky"), ("Input.Text", "Q: a?\nA: b."));
        using var delete = await PostListActionAsync(browser, "Delete", id);
        using var retry = await PostListActionAsync(browser, "Retry", id);
        using var refetch = await PostListActionAsync(browser, "Refetch", id);
        using var edit = await PostAsync(browser, DetailsPath(id), token, ("Input.Title", "Hijacked"), ("Input.Text", "Q: a?\nA: b."), ("Input.Language", "en"));

        add.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        delete.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        retry.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        refetch.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        edit.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await fixture.Factory.SourceAsync(owner.TenantId, "Protected FAQ")).ShouldNotBeNull();
        (await fixture.Factory.SourceCountAsync(owner.TenantId)).ShouldBe(1);
    }

    [Fact]
    public async Task Another_businesss_source_is_404_to_view_edit_delete_retry_and_refetch()
    {
        var (other, otherId) = await OwnerWithFaqAsync("Other business FAQ");
        var owner = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);
        var token = Browser.AntiforgeryToken(await browser.OpenAsync(ListPath));

        using var view = await browser.GetAsync(DetailsPath(otherId));
        using var edit = await PostAsync(browser, DetailsPath(otherId), token, ("Input.Title", "Hijacked"), ("Input.Text", "Q: a?\nA: b."), ("Input.Language", "en"));
        using var delete = await PostListActionAsync(browser, "Delete", otherId);
        using var retry = await PostListActionAsync(browser, "Retry", otherId);
        using var refetch = await PostListActionAsync(browser, "Refetch", otherId);
        var list = await browser.OpenAsync(ListPath);

        view.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        edit.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        delete.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        retry.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        refetch.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        list.ShouldNotContain("Other business FAQ");
        var untouched = (await fixture.Factory.SourceAsync(other.TenantId, "Other business FAQ")).ShouldNotBeNull();
        untouched.Id.ShouldBe(otherId);
        untouched.Status.ShouldBe(KnowledgeBase.KnowledgeSourceStatus.Indexed);
    }

    [Fact]
    public async Task Html_in_a_title_and_text_is_rendered_as_text_on_the_list_the_source_and_the_test_page()
    {
        const string title = "<script>alert('title')</script>";
        const string answer = "<img src=x onerror=alert('answer')> We deliver flowers on Sundays.";
        var owner = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);
        using var added = await AddAsync(browser, "AddFaq", ("Input.Title", title), ("Input.Text", $"Q: Do you deliver flowers on Sundays?\nA: {answer}"));
        await fixture.RunQueuedIngestionsAsync(owner.TenantId);
        var id = (await fixture.Factory.SourceAsync(owner.TenantId, title)).ShouldNotBeNull().Id;

        var list = await browser.OpenAsync(ListPath);
        var details = await browser.OpenAsync(DetailsPath(id));
        var test = await browser.OpenAsync($"{TestPath}?q={Uri.EscapeDataString("Do you deliver flowers on Sundays?")}");

        added.ShouldRedirectToList("added");
        foreach (var html in new[] { list, details, test })
        {
            html.ShouldNotContain("<script>alert('title')</script>");
            html.ShouldNotContain("<img src=x");
            Parse(html).QuerySelectorAll("script").ShouldAllBe(s => s.HasAttribute("src"));
            Parse(html).QuerySelectorAll("img").ShouldBeEmpty();
        }

        list.ShouldContain(Browser.Html(title));
        details.ShouldContain(Browser.Html(answer));
        Parse(test).QuerySelector(".passage-source")!.TextContent.ShouldBe(title);
        Parse(test).QuerySelector(".passage .passage-text")!.TextContent.ShouldContain(answer);
    }

    private async Task<(TenantOwner Owner, Guid Id)> OwnerWithFaqAsync(string title)
    {
        var owner = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);
        using var added = await AddAsync(browser, "AddFaq", ("Input.Title", title), ("Input.Text", "Q: What are your opening hours?\nA: Nine to five, Monday to Friday."));
        added.ShouldRedirectToList("the owner adds a FAQ");
        await fixture.RunQueuedIngestionsAsync(owner.TenantId);
        return (owner, (await fixture.Factory.SourceAsync(owner.TenantId, title)).ShouldNotBeNull().Id);
    }

    private static async Task<HttpResponseMessage> PostAsync(Browser browser, string path, string token, params (string Name, string Value)[] fields)
    {
        using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);
        return await browser.Client.PostAsync(new Uri(path, UriKind.Relative), content);
    }
}
