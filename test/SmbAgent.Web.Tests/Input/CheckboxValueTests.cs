using System.Net;

namespace SmbAgent.Web.Tests.Input;

/// <summary>
/// A checkbox posted with a value that isn't a boolean ("maybe") reads as unchecked on every page: shown back with the
/// form's other errors, never a 500 from the checkbox tag helper re-reading the raw value (found by the fuzz tests).
/// </summary>
public sealed class CheckboxValueTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    public static TheoryData<string, string, string> FormsWithACheckbox => new()
    {
        // Page, the checkbox, and a field left invalid so the page is shown back.
        { "/Workspace/Knowledge/AddText", "Input.IsMarkdown", "Input.Title" },
        { "/Workspace/Questions/Edit", "Input.IsRequired", "Input.Text" },
        { "/Workspace/Questions/Edit", "Input.IsEssentialForEmergency", "Input.Text" },
    };

    [Theory]
    [MemberData(nameof(FormsWithACheckbox))]
    public async Task A_checkbox_that_is_not_a_boolean_is_shown_back_unchecked_with_the_forms_errors(string page, string checkbox, string blank)
    {
        var owner = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);
        var (_, html, _) = await browser.GetPageAsync(page);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Browser.AntiforgeryToken(html),
            [checkbox] = "maybe",
            [blank] = string.Empty,
        });

        using var response = await browser.Client.PostAsync(new Uri(page, UriKind.Relative), form);

        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        body.ShouldContain($"name=\"{checkbox}\"");
        body.ShouldContain("text-danger");
    }
}
