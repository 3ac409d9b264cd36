using System.Net;
using SmbAgent.TestKit;

namespace SmbAgent.Web.Tests.Pages;

/// <summary>The home page shows the signed-in user's business (or the platform), always as text.</summary>
public sealed class HomePageTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    [Fact]
    public async Task A_tenant_owner_signed_in_with_the_business_name_sees_the_business_its_setup_checklist_and_usage()
    {
        var owner = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);

        var (status, html, _) = await browser.GetPageAsync("/");

        status.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain($"<h1>{Browser.Html(owner.Name)}</h1>");
        html.ShouldContain("<ul class=\"list-group\" id=\"checklist\">");
        html.ShouldContain("Complete the business profile");
        html.ShouldContain("Conversations this month");
        html.ShouldNotContain("Platform administration");
    }

    [Fact]
    public async Task The_platform_admin_signs_in_with_an_empty_business_and_sees_platform_administration()
    {
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(business: null, TestSettings.HostAdminEmail, TestSettings.HostAdminPassword);

        var (status, html, _) = await browser.GetPageAsync("/");

        status.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("<h1>Platform administration</h1>");
        html.ShouldNotContain("id=\"checklist\"");
    }

    [Fact]
    public async Task The_platform_admin_cannot_sign_in_through_a_business()
    {
        var owner = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();

        using var response = await browser.PostLoginAsync(owner.Name, TestSettings.HostAdminEmail, TestSettings.HostAdminPassword);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Browser.SetsAuthCookie(response).ShouldBeFalse();
    }

    [Fact]
    public async Task A_business_name_with_markup_is_rendered_as_text()
    {
        var name = $"<script>alert(1)</script> Plumbing {Guid.NewGuid():N}";
        var owner = await fixture.CreateTenantAsync(name);
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);

        var (status, html, _) = await browser.GetPageAsync("/");

        status.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain($"<h1>{Browser.Html(name)}</h1>");
        html.ShouldContain("&lt;script&gt;");
        html.ShouldNotContain("<script>alert(1)</script>");
    }
}
