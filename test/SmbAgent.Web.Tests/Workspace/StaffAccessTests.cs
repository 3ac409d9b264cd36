using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.EntityFrameworkCore;

namespace SmbAgent.Web.Tests.Workspace;

/// <summary>Staff use the workspace but cannot reach owner-only pages or change questions and the plan.</summary>
public sealed class StaffAccessTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    [Theory]
    [InlineData("/Workspace/Profile")]
    [InlineData("/Workspace/Agent")]
    [InlineData("/Workspace/Team")]
    [InlineData("/Workspace/Privacy")]
    [InlineData("/Workspace/Health")]
    [InlineData("/Workspace/Questions/Edit")]
    public async Task Staff_get_403_on_owner_only_pages(string path)
    {
        using var browser = await StaffBrowserAsync();

        using var response = await browser.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Staff_see_the_questions_without_edit_controls_and_cannot_move_delete_or_reorder()
    {
        var owner = await fixture.CreateTenantAsync();
        var staff = await fixture.Factory.CreateStaffAsync(owner);
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(staff);
        var ids = await fixture.Factory.InTenantAsync(owner.TenantId, sp =>
            sp.GetRequiredService<SmbAgentDbContext>().LeadQuestions.OrderBy(q => q.Position).Select(q => q.Id).ToListAsync());

        var html = await browser.OpenAsync("/Workspace/Questions");
        var token = Browser.AntiforgeryToken(html);
        using var move = await PostAsync(browser, $"/Workspace/Questions?handler=Move&id={ids[0]}&offset=1", token);
        using var delete = await PostAsync(browser, $"/Workspace/Questions?handler=Delete&id={ids[0]}", token);
        using var reorder = await PostAsync(browser, "/Workspace/Questions?handler=Reorder", token, [.. ids.AsEnumerable().Reverse()]);

        html.ShouldContain("questions");
        html.ShouldNotContain("Add a question");
        html.ShouldNotContain("handler=Delete");
        move.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        delete.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        reorder.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Staff_see_the_plan_but_cannot_change_it()
    {
        using var browser = await StaffBrowserAsync();

        var html = await browser.OpenAsync("/Workspace/Plan");
        using var change = await PostAsync(browser, $"/Workspace/Plan?handler=Change&editionId={Guid.NewGuid()}", Browser.AntiforgeryToken(html));

        html.ShouldNotContain("Switch to");
        change.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private async Task<Browser> StaffBrowserAsync()
    {
        var owner = await fixture.CreateTenantAsync();
        var staff = await fixture.Factory.CreateStaffAsync(owner);
        var browser = fixture.CreateBrowser();
        await browser.SignInAsync(staff);
        return browser;
    }

    private static async Task<HttpResponseMessage> PostAsync(Browser browser, string path, string token, IEnumerable<Guid>? orderedIds = null)
    {
        var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", token) };
        fields.AddRange((orderedIds ?? []).Select(id => new KeyValuePair<string, string>("orderedIds", id.ToString())));
        using var content = new FormUrlEncodedContent(fields);
        return await browser.Client.PostAsync(new Uri(path, UriKind.Relative), content);
    }
}
