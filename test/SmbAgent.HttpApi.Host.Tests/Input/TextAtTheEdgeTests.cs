using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SmbAgent.HttpApi.Tests.Conversations;

namespace SmbAgent.HttpApi.Tests.Input;

/// <summary>
/// Text PostgreSQL can't store (NUL) or that isn't valid UTF-16 (an unpaired surrogate), and nulls where text belongs,
/// are refused at the edge with a 400 naming the field, never a 500 from deep inside.
/// </summary>
public sealed class TextAtTheEdgeTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    /// <summary>JSON escapes as a client would write them: a NUL, a lone high surrogate, a noncharacter (found by the fuzz tests).</summary>
    public static TheoryData<string> BadText => [@"a\u0000b", @"a\ud800b", @"a\ufffeb"];

    [Theory]
    [MemberData(nameof(BadText))]
    public async Task A_chat_message_with_bad_text_is_a_400_naming_the_text(string escaped)
    {
        var business = await ChatBusinesses.CreateAsync(fixture);
        var chat = new ChatClient(fixture.Factory.CreateClient(), business.WidgetKey);
        await chat.StartAsync();

        var response = await SendAsync(fixture.Factory.CreateClient(), HttpMethod.Post, $"{chat.Base}/current/messages",
            $$"""{"text":"{{escaped}}","idempotencyKey":"k1"}""", chat.Token);

        await ShouldBeFieldProblemAsync(response, "text");
        (await chat.TranscriptAsync()).GetProperty("messages").GetArrayLength().ShouldBe(1, "only the greeting");
    }

    [Theory]
    [MemberData(nameof(BadText))]
    public async Task A_token_request_with_bad_text_is_a_400_naming_the_field(string escaped)
    {
        var response = await SendAsync(fixture.Factory.CreateClient(), HttpMethod.Post, "/api/account/token",
            $$"""{"business":"x","userName":"{{escaped}}","password":"p"}""");

        await ShouldBeFieldProblemAsync(response, "userName");
    }

    [Fact]
    public async Task A_token_request_without_a_user_name_is_a_400_naming_it()
    {
        var response = await SendAsync(fixture.Factory.CreateClient(), HttpMethod.Post, "/api/account/token",
            """{"business":"x","userName":null,"password":"p"}""");

        await ShouldBeFieldProblemAsync(response, "userName");
    }

    [Theory]
    [MemberData(nameof(BadText))]
    public async Task Knowledge_text_with_bad_text_is_a_400_and_adds_no_source(string escaped)
    {
        var client = await fixture.ClientForAsync(await fixture.CreateTenantAsync());
        var before = await SourceCountAsync(client);

        var text = await SendAsync(client, HttpMethod.Post, "/api/app/knowledge/sources/text", $$"""{"title":"T","text":"{{escaped}}"}""");
        var faq = await SendAsync(client, HttpMethod.Post, "/api/app/knowledge/sources/faq",
            $$"""{"title":"T","pairs":[{"question":"{{escaped}}","answer":"A"}]}""");

        await ShouldBeFieldProblemAsync(text, "text");
        await ShouldBeFieldProblemAsync(faq, "pairs[0].question");
        (await SourceCountAsync(client)).ShouldBe(before);
    }

    [Fact]
    public async Task An_faq_pair_without_a_question_is_a_400_naming_it()
    {
        var client = await fixture.ClientForAsync(await fixture.CreateTenantAsync());

        var response = await SendAsync(client, HttpMethod.Post, "/api/app/knowledge/sources/faq",
            """{"title":"T","pairs":[{"question":null,"answer":"A"},null]}""");

        var errors = await ShouldBeProblemAsync(response);
        errors.ShouldContain(e => e.StartsWith("Pairs[0]", StringComparison.OrdinalIgnoreCase));
        errors.ShouldContain(e => e.StartsWith("Pairs[1]", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("%00")]
    [InlineData("a%00b")]
    public async Task A_knowledge_search_with_a_nul_is_a_400_naming_q(string q)
    {
        var client = await fixture.ClientForAsync(await fixture.CreateTenantAsync());

        var response = await client.GetAsync($"/api/app/knowledge/search?q={q}");

        await ShouldBeFieldProblemAsync(response, "q");
    }

    [Fact]
    public async Task A_conversation_token_header_with_a_nul_is_a_400_naming_it()
    {
        var business = await ChatBusinesses.CreateAsync(fixture);
        var chat = new ChatClient(fixture.Factory.CreateClient(), business.WidgetKey);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"{chat.Base}/current");
        request.Headers.TryAddWithoutValidation("X-Conversation-Token", "a\0b");
        var response = await fixture.Factory.CreateClient().SendAsync(request);

        await ShouldBeFieldProblemAsync(response, "X-Conversation-Token");
    }

    [Fact]
    public async Task A_url_encoded_form_with_a_nul_is_a_400_problem_wherever_it_is_posted()
    {
        var business = await ChatBusinesses.CreateAsync(fixture);
        using var form = new StringContent("text=a%00b", Encoding.ASCII, "application/x-www-form-urlencoded");

        var response = await fixture.Factory.CreateClient().PostAsync(new Uri($"/api/widget/{business.WidgetKey}/conversations", UriKind.Relative), form);

        await ShouldBeFieldProblemAsync(response, "body");
    }

    [Theory]
    [MemberData(nameof(BadText))]
    public async Task A_lead_question_with_bad_text_is_a_400_naming_the_field(string escaped)
    {
        var client = await fixture.ClientForAsync(await fixture.CreateTenantAsync());

        var text = await SendAsync(client, HttpMethod.Post, "/api/app/lead-questions", $$"""{"text":"{{escaped}}","format":"Text","mapsTo":"Notes"}""");
        var option = await SendAsync(client, HttpMethod.Post, "/api/app/lead-questions",
            $$"""{"text":"Which?","format":"Choice","options":["{{escaped}}"],"mapsTo":"Notes"}""");

        await ShouldBeFieldProblemAsync(text, "text");
        await ShouldBeFieldProblemAsync(option, "options[0]");
    }

    [Fact]
    public async Task A_lead_question_with_null_options_is_a_400_naming_them()
    {
        var client = await fixture.ClientForAsync(await fixture.CreateTenantAsync());

        var response = await SendAsync(client, HttpMethod.Post, "/api/app/lead-questions",
            """{"text":"Which?","format":"Choice","options":null,"mapsTo":"Notes"}""");

        await ShouldBeFieldProblemAsync(response, "Options");
    }

    [Theory]
    [InlineData("""{"text":""")]
    [InlineData("""{"text":5,"idempotencyKey":"k"}""")]
    [InlineData("""[1,2]""")]
    public async Task Malformed_json_or_a_wrong_type_is_a_400_problem(string body)
    {
        var business = await ChatBusinesses.CreateAsync(fixture);
        var chat = new ChatClient(fixture.Factory.CreateClient(), business.WidgetKey);
        await chat.StartAsync();

        var response = await SendAsync(fixture.Factory.CreateClient(), HttpMethod.Post, $"{chat.Base}/current/messages", body, chat.Token);

        await ShouldBeProblemAsync(response);
    }

    internal static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, string json, string? token = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (token is not null)
        {
            request.Headers.Add("X-Conversation-Token", token);
        }

        return await client.SendAsync(request);
    }

    private static async Task ShouldBeFieldProblemAsync(HttpResponseMessage response, string field)
    {
        var errors = await ShouldBeProblemAsync(response);
        errors.ShouldContain(e => string.Equals(e, field, StringComparison.OrdinalIgnoreCase), $"errors were: {string.Join(", ", errors)}");
    }

    private static async Task<IReadOnlyList<string>> ShouldBeProblemAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = JsonDocument.Parse(body).RootElement;
        return problem.TryGetProperty("errors", out var errors) ? errors.EnumerateObject().Select(p => p.Name).ToList() : [];
    }

    private static async Task<int> SourceCountAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/app/knowledge/sources")).GetArrayLength();
}
