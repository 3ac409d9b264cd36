using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SmbAgent.HttpApi.Tests.Hosting;

/// <summary>Every answer of the API carries its security headers: endpoints, problems, unknown routes, the OpenAPI document.</summary>
public sealed class SecurityHeadersTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Theory]
    [InlineData("/openapi/v1.json", HttpStatusCode.OK)]
    [InlineData("/health", HttpStatusCode.OK)]
    [InlineData("/api/app/current-tenant", HttpStatusCode.Unauthorized)]
    [InlineData("/api/no-such-endpoint", HttpStatusCode.NotFound)]
    public async Task An_anonymous_answer_carries_the_headers(string path, HttpStatusCode status)
    {
        var client = fixture.Factory.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        response.StatusCode.ShouldBe(status);
        ShouldCarryTheHeaders(response);
    }

    [Fact]
    public async Task A_problem_and_a_signed_in_answer_carry_the_headers()
    {
        var owner = await fixture.CreateTenantAsync();
        var anonymous = fixture.Factory.CreateClient();
        var signedIn = await fixture.ClientForAsync(owner);

        using var problem = await anonymous.PostAsJsonAsync("/api/account/token", new { business = owner.Name, userName = owner.Email, password = "Wrong-password-1" });
        using var tenant = await signedIn.GetAsync(new Uri("/api/app/current-tenant", UriKind.Relative));

        problem.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        problem.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        ShouldCarryTheHeaders(problem);
        tenant.StatusCode.ShouldBe(HttpStatusCode.OK);
        ShouldCarryTheHeaders(tenant);
    }

    [Fact]
    public async Task Outside_development_an_https_answer_tells_browsers_to_keep_to_https()
    {
        const string publicAddress = "https://api.smbagent.example";
        await using var factory = fixture.Factory.WithWebHostBuilder(b => b.UseSetting("PublicUrls:Api", publicAddress));
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(publicAddress) });

        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));

        response.Headers.Contains("Strict-Transport-Security").ShouldBeTrue();
    }

    private static void ShouldCarryTheHeaders(HttpResponseMessage response)
    {
        response.Headers.GetValues("Content-Security-Policy").ShouldBe(["default-src 'none'; frame-ancestors 'none'"]);
        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        response.Headers.GetValues("Referrer-Policy").ShouldBe(["no-referrer"]);
    }
}
