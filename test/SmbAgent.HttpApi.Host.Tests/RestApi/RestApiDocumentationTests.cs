using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SmbAgent.HttpApi.Tests.RestApi;

/// <summary>
/// The reference at /api-docs works offline: its page loads its script from this host (a CDN page would be blank with
/// no internet), and the OpenAPI document lists the REST API with the API-key scheme.
/// </summary>
public sealed partial class RestApiDocumentationTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task The_reference_page_and_its_script_are_served_from_this_host()
    {
        using var client = fixture.Factory.CreateClient();

        using var page = await client.GetAsync("/api-docs");
        var html = await page.Content.ReadAsStringAsync();
        var scripts = ScriptSources().Matches(html).Select(m => m.Groups[1].Value).ToList();

        page.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        page.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        scripts.ShouldNotBeEmpty(html);
        var sizes = new List<int>();
        foreach (var src in scripts)
        {
            src.ShouldNotContain("//", customMessage: $"script from another host: {src}");
            using var script = await client.GetAsync(new Uri(new Uri(client.BaseAddress!, "/api-docs/"), src));
            script.StatusCode.ShouldBe(HttpStatusCode.OK, src);
            script.Content.Headers.ContentType!.MediaType.ShouldBe("text/javascript");
            sizes.Add((await script.Content.ReadAsByteArrayAsync()).Length);
        }

        // The reference's bundle itself, not only the small loader that would fetch it from elsewhere.
        sizes.Max().ShouldBeGreaterThan(100_000);

        html.ShouldNotContain("cdn.jsdelivr.net");
        html.ShouldNotContain("fonts.scalar.com");
        page.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("script-src 'self'");
    }

    [Fact]
    public async Task The_openapi_document_lists_the_rest_api_with_the_api_key_scheme()
    {
        using var client = fixture.Factory.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        paths.TryGetProperty("/api/v1/leads", out var leads).ShouldBeTrue();
        paths.TryGetProperty("/api/v1/leads/{id}", out _).ShouldBeTrue();
        paths.TryGetProperty("/api/v1/knowledge/sources/text", out _).ShouldBeTrue();
        document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey").GetProperty("scheme").GetString().ShouldBe("bearer");
        leads.GetProperty("get").GetProperty("security").EnumerateArray().Select(r => r.EnumerateObject().Select(p => p.Name).Single()).ShouldContain("ApiKey");
        leads.GetProperty("get").GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString())
            .ShouldBe(["page", "pageSize", "status", "priority", "channel", "createdFrom", "createdTo"], ignoreOrder: true);
    }

    [GeneratedRegex("<script[^>]*\\ssrc=\"([^\"]+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptSources();
}
