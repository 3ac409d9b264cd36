using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Identity;
using SmbAgent.Tenancy;
using SmbAgent.TestKit;

namespace SmbAgent.Web.Tests.Account;

/// <summary>
/// The security-stamp check runs inside authentication, before tenant resolution: it must enter the
/// user's tenant itself, or the tenant filter hides the user and every tenant user is signed out.
/// Runs on <see cref="WebFixture.RevalidatingFactory"/>, which re-validates on every request.
/// </summary>
public sealed class CookieRevalidationTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    [Fact]
    public async Task Revalidation_finds_the_tenant_user_and_a_changed_security_stamp_signs_them_out()
    {
        var owner = await fixture.CreateTenantAsync();
        var factory = fixture.RevalidatingFactory;
        using var browser = fixture.CreateBrowser(factory);
        await browser.SignInAsync(owner);

        for (var request = 1; request <= 3; request++)
        {
            var (status, html, _) = await browser.GetPageAsync("/");
            status.ShouldBe(HttpStatusCode.OK, $"request {request} after sign-in should still be signed in");
            html.ShouldContain($"<h1>{Browser.Html(owner.Name)}</h1>", customMessage: $"request {request}: the refreshed cookie keeps the tenant");
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        using (scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(owner.TenantId))
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByEmailAsync(owner.Email)).ShouldNotBeNull();
            (await users.UpdateSecurityStampAsync(user)).Succeeded.ShouldBeTrue();
        }

        using var afterStampChange = await browser.GetAsync("/");
        Browser.RedirectsToLogin(afterStampChange).ShouldBeTrue($"status {afterStampChange.StatusCode}, location {afterStampChange.Headers.Location}");
    }

    [Fact]
    public async Task Revalidation_keeps_the_platform_admin_signed_in()
    {
        using var browser = fixture.CreateBrowser(fixture.RevalidatingFactory);
        await browser.SignInAsync(business: null, TestSettings.HostAdminEmail, TestSettings.HostAdminPassword);

        for (var request = 1; request <= 2; request++)
        {
            var (status, html, _) = await browser.GetPageAsync("/");
            status.ShouldBe(HttpStatusCode.OK, $"request {request}");
            html.ShouldContain("<h1>Platform administration</h1>");
        }
    }
}
