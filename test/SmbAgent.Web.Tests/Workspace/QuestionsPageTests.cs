using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.EntityFrameworkCore;
using SmbAgent.Leads;

namespace SmbAgent.Web.Tests.Workspace;

/// <summary>Lead questions: the plan's maximum on the server, ordering, and another tenant's ids answered 404.</summary>
public sealed class QuestionsPageTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    private const string ListPath = "/Workspace/Questions";
    private const string AddPath = "/Workspace/Questions/Edit";

    [Fact]
    public async Task A_free_owner_adds_up_to_five_questions_and_the_sixth_shows_the_upgrade_prompt_and_stores_nothing()
    {
        var owner = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);

        using var fifth = await AddAsync(browser, "Fifth question?");
        using var sixth = await AddAsync(browser, "Sixth question?");
        var sixthHtml = await sixth.Content.ReadAsStringAsync();
        var list = new HtmlParser().ParseDocument(await browser.OpenAsync(ListPath));

        fifth.StatusCode.ShouldBe(HttpStatusCode.Redirect, await fifth.Content.ReadAsStringAsync());
        sixth.StatusCode.ShouldBe(HttpStatusCode.OK);
        var prompt = new HtmlParser().ParseDocument(sixthHtml).QuerySelector(".upgrade-prompt").ShouldNotBeNull();
        prompt.TextContent.ShouldContain("Your plan allows 5 lead questions");
        prompt.QuerySelectorAll(".badge").Select(b => b.TextContent).ShouldBe(["BASIC", "PRO"]);
        (await TextsAsync(owner)).ShouldNotContain("Sixth question?");
        (await TextsAsync(owner)).Count.ShouldBe(5);
        list.QuerySelector("#question-count")!.TextContent.Trim().ShouldBe("5 of 5 questions");
        list.QuerySelector(".upgrade-prompt").ShouldNotBeNull();
    }

    [Fact]
    public async Task A_choice_question_keeps_its_options_one_per_line_and_needs_at_least_one()
    {
        var owner = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);

        using var empty = await AddAsync(browser, "Which service?", form => form.Set("Input.Format", "Choice").Set("Input.Options", " \n "));
        using var saved = await AddAsync(browser, "Which service?", form => form
            .Set("Input.Format", "Choice").Set("Input.Options", "Repair\r\nInstall\n\nInspect")
            .Set("Input.MapsTo", "Custom").Set("Input.CustomFieldName", "service")
            .Set("Input.IsRequired", "true").Set("Input.IsEssentialForEmergency", "true"));

        ProfilePageTests.MessageFor(await empty.Content.ReadAsStringAsync(), "Input.Options").ShouldBe("A choice question needs at least one option.");
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        var question = await fixture.Factory.InTenantAsync(owner.TenantId, sp =>
            sp.GetRequiredService<SmbAgentDbContext>().LeadQuestions.AsNoTracking().SingleAsync(q => q.Text == "Which service?"));
        question.Options.ShouldBe(["Repair", "Install", "Inspect"]);
        question.MapsTo.ShouldBe(LeadField.Custom);
        question.CustomFieldName.ShouldBe("service");
        question.IsRequired.ShouldBeTrue();
        question.IsEssentialForEmergency.ShouldBeTrue();
    }

    [Fact]
    public async Task A_custom_field_needs_a_name_and_empty_text_is_refused()
    {
        var owner = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);

        using var response = await AddAsync(browser, string.Empty, form => form.Set("Input.MapsTo", "Custom"));
        var html = await response.Content.ReadAsStringAsync();

        ProfilePageTests.MessageFor(html, "Input.Text").ShouldBe("Write the question.");
        ProfilePageTests.MessageFor(html, "Input.CustomFieldName").ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Editing_saves_the_question_and_a_script_in_its_text_is_rendered_as_text()
    {
        var owner = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);
        var id = (await IdsAsync(owner))[0];
        const string text = "<script>alert('q')</script> Your name?";
        var path = $"{AddPath}/{id}";

        using var response = await HtmlForm.Parse(await browser.OpenAsync(path), "#question-form", path).Set("Input.Text", text).PostAsync(browser);
        var list = await browser.OpenAsync(ListPath);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        (await TextsAsync(owner))[0].ShouldBe(text);
        list.ShouldContain(Browser.Html(text));
        list.ShouldNotContain("<script>alert('q')</script>");
    }

    [Fact]
    public async Task Another_tenants_question_id_gives_404_to_view_edit_move_and_delete()
    {
        var other = await fixture.CreateTenantAsync();
        var otherId = (await IdsAsync(other))[0];
        var owner = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);
        var ownPath = $"{AddPath}/{(await IdsAsync(owner))[0]}";
        var form = HtmlForm.Parse(await browser.OpenAsync(ownPath), "#question-form", ownPath).Set("Input.Text", "Hijacked?");
        var listForm = HtmlForm.Parse(await browser.OpenAsync(ListPath), "#reorder-form", ListPath);

        using var view = await browser.GetAsync($"{AddPath}/{otherId}");
        using var edit = await form.PostAsync(browser, $"{AddPath}/{otherId}");
        using var move = await listForm.PostAsync(browser, $"{ListPath}?handler=Move&id={otherId}&offset=1");
        using var delete = await listForm.PostAsync(browser, $"{ListPath}?handler=Delete&id={otherId}");

        view.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        edit.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        move.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        delete.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await TextsAsync(other)).ShouldNotContain("Hijacked?");
        (await IdsAsync(other)).ShouldContain(otherId);
    }

    [Fact]
    public async Task Move_buttons_swap_a_question_with_its_neighbour()
    {
        var owner = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);
        var before = await IdsAsync(owner);
        var html = await browser.OpenAsync(ListPath);
        var document = new HtmlParser().ParseDocument(html);
        var moveDownFirst = document.QuerySelectorAll($"tr[data-id='{before[0]}'] form")[1];
        var moveUpLast = document.QuerySelectorAll($"tr[data-id='{before[^1]}'] form")[0];

        using var down = await HtmlForm.Parse(moveDownFirst.OuterHtml, "form", ListPath).PostAsync(browser);
        var afterDown = await IdsAsync(owner);
        using var up = await HtmlForm.Parse(moveUpLast.OuterHtml, "form", ListPath).PostAsync(browser);
        var afterUp = await IdsAsync(owner);

        down.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        afterDown.ShouldBe([before[1], before[0], .. before[2..]]);
        up.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        afterUp.ShouldBe([before[1], before[0], .. before[2..^2], before[^1], before[^2]]);
    }

    [Fact]
    public async Task The_drag_and_drop_order_is_saved_and_a_list_that_is_not_exactly_the_tenants_is_refused()
    {
        var other = await fixture.CreateTenantAsync();
        var owner = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);
        var before = await IdsAsync(owner);
        var form = HtmlForm.Parse(await browser.OpenAsync(ListPath), "#reorder-form", ListPath);
        var reversed = before.AsEnumerable().Reverse().ToList();

        foreach (var id in reversed)
        {
            form.Add("orderedIds", id.ToString());
        }

        using var saved = await form.PostAsync(browser);
        var afterSave = await IdsAsync(owner);
        var tampered = HtmlForm.Parse(await browser.OpenAsync(ListPath), "#reorder-form", ListPath);
        foreach (var id in before.Skip(1).Append((await IdsAsync(other))[0]))
        {
            tampered.Add("orderedIds", id.ToString());
        }

        using var refused = await tampered.PostAsync(browser);

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        afterSave.ShouldBe(reversed);
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("The list of questions changed meanwhile.");
        (await IdsAsync(owner)).ShouldBe(reversed);
    }

    [Fact]
    public async Task Deleting_a_question_removes_it_from_the_list()
    {
        var owner = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);
        var before = await IdsAsync(owner);
        var form = HtmlForm.Parse(await browser.OpenAsync(ListPath), "#reorder-form", ListPath);

        using var response = await form.PostAsync(browser, $"{ListPath}?handler=Delete&id={before[0]}");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await IdsAsync(owner)).ShouldBe(before[1..]);
    }

    private static async Task<HttpResponseMessage> AddAsync(Browser browser, string text, Action<HtmlForm>? change = null)
    {
        var form = HtmlForm.Parse(await browser.OpenAsync(AddPath), "#question-form", AddPath).Set("Input.Text", text);
        change?.Invoke(form);
        return await form.PostAsync(browser);
    }

    private Task<List<Guid>> IdsAsync(TenantOwner owner) =>
        fixture.Factory.InTenantAsync(owner.TenantId, sp =>
            sp.GetRequiredService<SmbAgentDbContext>().LeadQuestions.OrderBy(q => q.Position).Select(q => q.Id).ToListAsync());

    private Task<List<string>> TextsAsync(TenantOwner owner) =>
        fixture.Factory.InTenantAsync(owner.TenantId, sp =>
            sp.GetRequiredService<SmbAgentDbContext>().LeadQuestions.OrderBy(q => q.Position).Select(q => q.Text).ToListAsync());
}
