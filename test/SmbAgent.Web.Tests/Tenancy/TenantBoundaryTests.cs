using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.EntityFrameworkCore;
using SmbAgent.Tenancy;
using SmbAgent.TestKit;

namespace SmbAgent.Web.Tests.Tenancy;

/// <summary>
/// A signed-in user's tenant comes from the auth cookie only: naming another tenant by header or
/// query string is refused, an unknown one is 404, and a deactivated tenant is 403 on the next request.
/// </summary>
public sealed class TenantBoundaryTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    private const string ProblemJson = "application/problem+json";

    [Theory]
    [InlineData("X-Tenant")]
    [InlineData("__tenant")]
    public async Task A_signed_in_user_naming_another_tenant_in_a_header_gets_403_problem(string header)
    {
        var a = await fixture.CreateTenantAsync();
        var b = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(a);

        using var response = await SendAsync(browser, "/", (header, b.Name));

        await ShouldBeProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_signed_in_user_naming_another_tenant_id_in_the_query_string_gets_403_problem()
    {
        var a = await fixture.CreateTenantAsync();
        var b = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(a);

        using var response = await browser.GetAsync(string.Create(CultureInfo.InvariantCulture, $"/?__tenant={b.TenantId}"));

        await ShouldBeProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_platform_admin_naming_a_tenant_gets_403_problem()
    {
        var a = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(business: null, TestSettings.HostAdminEmail, TestSettings.HostAdminPassword);

        using var response = await SendAsync(browser, "/", ("X-Tenant", a.Name));

        await ShouldBeProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_signed_in_user_naming_an_unknown_tenant_gets_404_problem()
    {
        var a = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(a);

        using var response = await SendAsync(browser, "/", ("X-Tenant", Names.Business("Nowhere")));

        await ShouldBeProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_signed_in_user_naming_their_own_tenant_is_served()
    {
        var a = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(a);

        using var byName = await SendAsync(browser, "/", ("X-Tenant", a.Name));
        using var byId = await browser.GetAsync(string.Create(CultureInfo.InvariantCulture, $"/?__tenant={a.TenantId}"));

        byName.StatusCode.ShouldBe(HttpStatusCode.OK);
        byId.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_anonymous_request_naming_a_tenant_is_still_sent_to_login()
    {
        var a = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();

        using var response = await SendAsync(browser, "/", ("X-Tenant", a.Name));

        Browser.RedirectsToLogin(response).ShouldBeTrue();
    }

    [Fact]
    public async Task A_signed_in_user_of_a_deactivated_tenant_gets_403_on_the_next_request()
    {
        var a = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(a);
        using (var before = await browser.GetAsync("/"))
        {
            before.StatusCode.ShouldBe(HttpStatusCode.OK, "the tenant is active (and now cached as active)");
        }

        await DeactivateAsync(a);

        using var after = await browser.GetAsync("/");

        await ShouldBeProblemAsync(after, HttpStatusCode.Forbidden);
    }

    /// <summary>
    /// Exposes a bug (see the report): the tenancy middleware answers 403 to every request of a
    /// signed-in user whose tenant is inactive, sign-out and the login page included, and never clears
    /// the cookie, so that browser can neither sign out nor sign into another business.
    /// </summary>
    [Fact]
    public async Task After_its_business_is_deactivated_a_signed_in_user_can_sign_out_and_into_another_business()
    {
        var email = $"shared-{Guid.NewGuid():N}@example.com";
        var password = Passwords.New();
        var a = await fixture.CreateTenantAsync(ownerEmail: email, ownerPassword: password);
        var b = await fixture.CreateTenantAsync(ownerEmail: email, ownerPassword: password);
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(a);
        var html = (await browser.GetPageAsync("/")).Html;
        var token = Browser.AntiforgeryToken(html);
        await DeactivateAsync(a);

        using (var denied = await browser.GetAsync("/"))
        {
            denied.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        (await browser.PostLogoutAsync(token)).Dispose();

        using var login = await browser.GetAsync(Browser.LoginPath);
        login.StatusCode.ShouldBe(HttpStatusCode.OK, "after signing out, the login page must be reachable again");
        await browser.SignInAsync(b);
        var (statusB, htmlB, _) = await browser.GetPageAsync("/");
        statusB.ShouldBe(HttpStatusCode.OK);
        htmlB.ShouldContain($"<h1>{Browser.Html(b.Name)}</h1>");
    }

    [Fact]
    public async Task An_owner_of_a_deactivated_tenant_cannot_sign_in()
    {
        var a = await fixture.CreateTenantAsync();
        await DeactivateAsync(a);

        using var browser = fixture.CreateBrowser();
        using var response = await browser.PostLoginAsync(a.Name, a.Email, a.Password);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Browser.SetsAuthCookie(response).ShouldBeFalse();
    }

    private async Task DeactivateAsync(TenantOwner owner)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SmbAgentDbContext>();
        var tenant = await db.Tenants.SingleAsync(t => t.Id == owner.TenantId);
        tenant.Deactivate();
        await db.SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<ITenantStore>().InvalidateAsync(tenant.Id, tenant.Name);
    }

    private static async Task<HttpResponseMessage> SendAsync(Browser browser, string path, (string Name, string Value) header)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add(header.Name, header.Value);
        return await browser.Client.SendAsync(request);
    }

    private static async Task ShouldBeProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        response.Content.Headers.ContentType.ShouldNotBeNull().MediaType.ShouldBe(ProblemJson);
        using var problem = JsonDocument.Parse(body);
        problem.RootElement.GetProperty("status").GetInt32().ShouldBe((int)status);
    }
}
