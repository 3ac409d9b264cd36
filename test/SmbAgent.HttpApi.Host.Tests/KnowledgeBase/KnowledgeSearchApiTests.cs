using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace SmbAgent.HttpApi.Tests.KnowledgeBase;

public sealed class KnowledgeSearchApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task An_empty_question_is_a_bad_request_problem()
    {
        var client = await fixture.ClientForAsync(await fixture.CreateTenantAsync());

        var response = await client.GetAsync(new Uri("/api/app/knowledge/search?q=%20", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task A_question_longer_than_500_characters_is_a_bad_request()
    {
        var client = await fixture.ClientForAsync(await fixture.CreateTenantAsync());

        var response = await client.GetAsync(new Uri($"/api/app/knowledge/search?q={new string('a', 501)}", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_tenant_without_sources_gets_found_false()
    {
        var client = await fixture.ClientForAsync(await fixture.CreateTenantAsync());

        var result = await client.GetFromJsonAsync<JsonElement>("/api/app/knowledge/search?q=Do%20you%20deliver%3F");

        result.GetProperty("found").GetBoolean().ShouldBeFalse();
        result.GetProperty("passages").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Searching_needs_a_signed_in_user()
    {
        var response = await fixture.Factory.CreateClient().GetAsync(new Uri("/api/app/knowledge/search?q=hours", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
