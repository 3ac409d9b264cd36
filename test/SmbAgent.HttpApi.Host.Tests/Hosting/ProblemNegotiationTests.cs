using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SmbAgent.HttpApi.Tests.Conversations;

namespace SmbAgent.HttpApi.Tests.Hosting;

/// <summary>
/// An API error is problem+json whatever the client's <c>Accept</c> says: a client that asks for HTML, an image or
/// garbage still learns what went wrong, instead of an empty body or "Status Code: 400" (found by the fuzz tests).
/// </summary>
public sealed class ProblemNegotiationTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    public static TheoryData<string> OddAccepts => ["../../etc/passwd", "text/html", "image/png", "application/xml;q=0.9", "*/;;"];

    [Theory]
    [MemberData(nameof(OddAccepts))]
    public async Task A_refused_chat_message_is_a_validation_problem(string accept)
    {
        var business = await ChatBusinesses.CreateAsync(fixture);
        var chat = new ChatClient(fixture.Factory.CreateClient(), business.WidgetKey);
        await chat.StartAsync();
        using var request = Request(HttpMethod.Post, $"{chat.Base}/current/messages", accept);
        request.Headers.Add("X-Conversation-Token", chat.Token);
        request.Content = JsonContent.Create(new { text = " ", idempotencyKey = "k1" });

        var problem = await ProblemAsync(await fixture.Factory.CreateClient().SendAsync(request), HttpStatusCode.BadRequest);

        problem.GetProperty("errors").TryGetProperty("Text", out _).ShouldBeTrue(problem.ToString());
    }

    [Theory]
    [MemberData(nameof(OddAccepts))]
    public async Task An_unknown_conversation_is_a_not_found_problem(string accept)
    {
        var business = await ChatBusinesses.CreateAsync(fixture);
        using var request = Request(HttpMethod.Get, $"/api/widget/{business.WidgetKey}/conversations/current", accept);
        request.Headers.Add("X-Conversation-Token", "no-such-token");

        await ProblemAsync(await fixture.Factory.CreateClient().SendAsync(request), HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(OddAccepts))]
    public async Task A_search_without_a_question_is_a_validation_problem(string accept)
    {
        var client = await fixture.ClientForAsync(await fixture.CreateTenantAsync());
        using var request = Request(HttpMethod.Get, "/api/app/knowledge/search?q=%20", accept);

        var problem = await ProblemAsync(await client.SendAsync(request), HttpStatusCode.BadRequest);

        problem.GetProperty("errors").TryGetProperty("q", out _).ShouldBeTrue(problem.ToString());
    }

    [Theory]
    [MemberData(nameof(OddAccepts))]
    public async Task An_unauthenticated_call_and_an_unknown_route_are_problems(string accept)
    {
        var client = fixture.Factory.CreateClient();
        using var unauthenticated = Request(HttpMethod.Get, "/api/app/lead-questions", accept);
        using var unknown = Request(HttpMethod.Get, "/api/no-such-thing", accept);

        await ProblemAsync(await client.SendAsync(unauthenticated), HttpStatusCode.Unauthorized);
        await ProblemAsync(await client.SendAsync(unknown), HttpStatusCode.NotFound);
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, string accept)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.TryAddWithoutValidation("Accept", accept).ShouldBeTrue();
        return request;
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", body);
        var problem = JsonDocument.Parse(body).RootElement;
        problem.GetProperty("status").GetInt32().ShouldBe((int)status);
        problem.GetProperty("title").GetString().ShouldNotBeNullOrWhiteSpace();
        return problem;
    }
}
