using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.EntityFrameworkCore;
using SmbAgent.Tenancy;

namespace SmbAgent.HttpApi.Tests.Tenancy;

/// <summary>The tenant comes from the signed-in user's claim; a browser naming another tenant is refused.</summary>
public sealed class TenantResolutionTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task The_signed_in_user_works_in_the_tenant_of_their_claim()
    {
        var owner = await fixture.CreateTenantAsync();
        var client = await fixture.ClientForAsync(owner);

        var current = await client.GetFromJsonAsync<CurrentTenant>("/api/app/current-tenant");

        current!.Id.ShouldBe(owner.TenantId);
        current.Name.ShouldBe(owner.Name);
    }

    [Theory]
    [InlineData("header-name")]
    [InlineData("header-id")]
    [InlineData("underscore-header")]
    [InlineData("query")]
    [InlineData("cookie")]
    public async Task Naming_another_tenant_is_forbidden(string how)
    {
        var a = await fixture.CreateTenantAsync();
        var b = await fixture.CreateTenantAsync();
        var client = await fixture.ClientForAsync(a);

        var response = await client.SendAsync(Naming(how, b));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task Naming_ones_own_tenant_is_fine()
    {
        var a = await fixture.CreateTenantAsync();
        var client = await fixture.ClientForAsync(a);

        var response = await client.SendAsync(Naming("header-name", a));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Naming_an_unknown_tenant_is_not_found()
    {
        var a = await fixture.CreateTenantAsync();
        var client = await fixture.ClientForAsync(a);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/app/current-tenant");
        request.Headers.Add(BrowserNamedTenant.HeaderName, "No Such Business");

        var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_host_admin_cannot_act_for_a_tenant_by_naming_it()
    {
        var a = await fixture.CreateTenantAsync();
        var client = await fixture.HostAdminClientAsync();

        var asHost = await client.GetFromJsonAsync<CurrentTenant>("/api/app/current-tenant");
        var response = await client.SendAsync(Naming("query", a));

        asHost!.Id.ShouldBeNull();
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_anonymous_request_naming_a_tenant_gets_no_tenant()
    {
        var a = await fixture.CreateTenantAsync();
        var client = fixture.Factory.CreateClient();

        var response = await client.SendAsync(Naming("header-name", a));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Users_of_a_deactivated_tenant_are_refused()
    {
        var a = await fixture.CreateTenantAsync();
        var client = await fixture.ClientForAsync(a);
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SmbAgentDbContext>();
            var tenant = await db.Tenants.SingleAsync(t => t.Id == a.TenantId);
            tenant.Deactivate();
            await db.SaveChangesAsync();
            await scope.ServiceProvider.GetRequiredService<ITenantStore>().InvalidateAsync(tenant.Id, tenant.Name);
        }

        var response = await client.GetAsync(new Uri("/api/app/current-tenant", UriKind.Relative));
        var newToken = await fixture.Factory.CreateClient().PostAsJsonAsync("/api/account/token", new { business = a.Name, userName = a.Email, password = a.Password });

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        newToken.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private static HttpRequestMessage Naming(string how, TenantOwner tenant)
    {
        var path = how == "query" ? $"/api/app/current-tenant?{BrowserNamedTenant.Key}={tenant.TenantId}" : "/api/app/current-tenant";
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        switch (how)
        {
            case "header-name":
                request.Headers.Add(BrowserNamedTenant.HeaderName, tenant.Name);
                break;
            case "header-id":
                request.Headers.Add(BrowserNamedTenant.HeaderName, tenant.TenantId.ToString());
                break;
            case "underscore-header":
                request.Headers.Add(BrowserNamedTenant.Key, tenant.TenantId.ToString());
                break;
            case "cookie":
                request.Headers.Add("Cookie", $"{BrowserNamedTenant.Key}={tenant.TenantId}");
                break;
        }

        return request;
    }

    private sealed record CurrentTenant(Guid? Id, string? Name, bool IsAvailable);
}
