using System.Net;
using System.Text.Json;
using SmbAgent.Web.Tests.Knowledge;

namespace SmbAgent.Web.Tests.Input;

/// <summary>
/// A form field the database can't keep is refused, once the page's authorization has run: a 400 problem naming the
/// field and nothing stored for a signed-in owner; a sign-in redirect, with the body unread, for anyone else.
/// </summary>
public sealed class FormTextTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    private const string AddTextPath = "/Workspace/Knowledge/AddText";

    [Fact]
    public async Task A_control_character_in_a_knowledge_form_is_a_400_naming_the_field_and_nothing_is_stored()
    {
        var owner = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);
        var (_, html, _) = await browser.GetPageAsync(AddTextPath);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Browser.AntiforgeryToken(html)), "__RequestVerificationToken" },
            { new StringContent("Hours\u0000"), "Input.Title" },
            { new StringContent("We open at nine."), "Input.Text" },
            { new StringContent("en"), "Input.Language" },
        };

        using var response = await browser.Client.PostAsync(new Uri(AddTextPath, UriKind.Relative), form);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        problem.RootElement.GetProperty("errors").TryGetProperty("Input.Title", out _).ShouldBeTrue();
        (await fixture.Factory.SourceCountAsync(owner.TenantId)).ShouldBe(0);
    }

    [Fact]
    public async Task A_url_encoded_form_with_a_nul_is_answered_with_the_400_page_and_nothing_is_stored()
    {
        var owner = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);
        var (_, html, _) = await browser.GetPageAsync(AddTextPath);
        // Encoded by hand: FormUrlEncodedContent refuses a NUL, a hostile client doesn't.
        var body = $"__RequestVerificationToken={Uri.EscapeDataString(Browser.AntiforgeryToken(html))}&Input.Title=Hours%00&Input.Text=We+open+at+nine.&Input.Language=en";
        using var form = new StringContent(body, System.Text.Encoding.ASCII, "application/x-www-form-urlencoded");

        using var response = await browser.Client.PostAsync(new Uri(AddTextPath, UriKind.Relative), form);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Something went wrong");
        (await fixture.Factory.SourceCountAsync(owner.TenantId)).ShouldBe(0);
    }

    [Fact]
    public async Task An_anonymous_post_with_a_nul_to_a_closed_page_is_sent_to_sign_in()
    {
        using var browser = fixture.CreateBrowser();
        using var form = new StringContent("Input.Title=%00", System.Text.Encoding.ASCII, "application/x-www-form-urlencoded");

        using var response = await browser.Client.PostAsync(new Uri(AddTextPath, UriKind.Relative), form);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.ShouldBe("/Account/Login");
    }
}
