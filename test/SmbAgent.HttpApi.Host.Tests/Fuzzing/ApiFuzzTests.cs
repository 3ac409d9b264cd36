using CsCheck;
using SmbAgent.HttpApi.Conversations;
using SmbAgent.TestKit.Fuzzing;

namespace SmbAgent.HttpApi.Tests.Fuzzing;

/// <summary>
/// Generated bad input to every anonymous endpoint of the API and a sample of the owner's: no 5xx, every 4xx a
/// problem+json body, no hang, nothing stored and no usage counted for a refused request. The budget and seed come from
/// <see cref="FuzzBudget"/> (small and fixed in the test command; bench/fuzz/run.sh for the long pass).
/// </summary>
public sealed class ApiFuzzTests(FuzzApiFixture fixture) : IClassFixture<FuzzApiFixture>
{
    private static readonly Gen<string> Word = Gen.OneOf("\"Hello\"", "\"en\"", "\"de\"", "\"What are your opening hours?\"");

    private static readonly Gen<string> Key = Gen.Guid.Select(g => $"\"{g:N}\"");

    [Fact]
    public Task Starting_a_conversation() =>
        RunAsync("api.widget.start", Anonymous, FuzzRequests.Json(HttpMethod.Post, fixture.Chat.Base, [new("language", Word)]));

    [Fact]
    public Task Posting_a_chat_message() =>
        RunAsync("api.widget.message", Anonymous, FuzzRequests.Json(HttpMethod.Post, $"{fixture.Chat.Base}/current/messages",
            [new("text", Word), new("idempotencyKey", Key)], ConversationToken()));

    [Fact]
    public Task Reading_the_transcript() =>
        RunAsync("api.widget.transcript", Anonymous, FuzzRequests.Get($"{fixture.Chat.Base}/current", ["after"], ConversationToken()));

    [Fact]
    public Task Reaching_the_widget_by_any_key() =>
        RunAsync("api.widget.key", Anonymous, Gen.Select(FuzzText.Any, FuzzJson.Body([new("text", Word)]), FuzzHeaders.Extra, (key, body, headers) =>
            new FuzzRequest(HttpMethod.Post, $"/api/widget/{PathSegment(key)}/conversations", body,
                FuzzMediaTypes.Json, headers)));

    [Fact]
    public Task Asking_for_a_token() =>
        RunAsync("api.account.token", Anonymous, FuzzRequests.Json(HttpMethod.Post, "/api/account/token",
        [
            new("business", Gen.OneOf(FuzzJson.Literal(fixture.OwnerAccount.Name), "null")),
            new("userName", Gen.Const(FuzzJson.Literal(fixture.OwnerAccount.Email))),
            new("password", Gen.OneOf("\"wrong\"", "\"\"")),
        ]));

    [Fact]
    public Task Adding_knowledge_text() =>
        RunAsync("api.knowledge.text", Owner, FuzzRequests.Json(HttpMethod.Post, "/api/app/knowledge/sources/text",
            [new("title", Word), new("text", Word), new("language", Gen.OneOf("\"en\"", "null"))]));

    [Fact]
    public Task Adding_an_faq() =>
        RunAsync("api.knowledge.faq", Owner, FuzzRequests.Json(HttpMethod.Post, "/api/app/knowledge/sources/faq",
        [
            new("title", Word),
            new("pairs", Gen.Select(FuzzJson.StringValue, FuzzJson.StringValue, (q, a) => $$"""[{"question":{{q}},"answer":{{a}}},null]""")),
            new("text", Word),
        ]));

    [Fact]
    public Task Searching_knowledge() =>
        RunAsync("api.knowledge.search", Owner, FuzzRequests.Get("/api/app/knowledge/search", ["q", "top"]));

    [Fact]
    public Task Adding_a_lead_question() =>
        RunAsync("api.lead-questions", Owner, FuzzRequests.Json(HttpMethod.Post, "/api/app/lead-questions",
        [
            new("text", Word),
            new("format", Gen.OneOf("\"Text\"", "\"Choice\"", "\"Nope\"", "7")),
            new("options", Gen.OneOf("[\"a\",\"b\"]", "[]", "null", "[null]")),
            new("mapsTo", Gen.OneOf("\"Notes\"", "\"Custom\"", "\"Name\"")),
            new("customFieldName", Word),
            new("isRequired", Gen.OneOf("true", "false", "\"yes\"")),
        ]));

    /// <summary>
    /// A key as a path segment. Without NUL: the test server can't carry one in a path (Kestrel refuses it with its own
    /// 400 before the app); the query and the body carry NUL instead.
    /// </summary>
    private static string PathSegment(string key)
    {
        var segment = key.Replace("\0", string.Empty, StringComparison.Ordinal);
        return Uri.EscapeDataString(segment[..Math.Min(segment.Length, 4_000)]);
    }

    private Gen<KeyValuePair<string, string>[]> ConversationToken() => Gen.Frequency(
        (8, Gen.Const<KeyValuePair<string, string>[]>([new(WidgetChatEndpoints.TokenHeader, fixture.Chat.Token)])),
        (2, FuzzText.Any.Select(token => new KeyValuePair<string, string>[] { new(WidgetChatEndpoints.TokenHeader, token) })),
        (1, Gen.Const(Array.Empty<KeyValuePair<string, string>>())));

    private Task<HttpResponseMessage> Anonymous(HttpRequestMessage request, CancellationToken ct) =>
        fixture.Api.Factory.CreateClient().SendAsync(request, ct);

    private Task<HttpResponseMessage> Owner(HttpRequestMessage request, CancellationToken ct) => fixture.Owner.SendAsync(request, ct);

    private Task RunAsync(string target, Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send, Gen<FuzzRequest> inputs) =>
        new FuzzRun(target, fixture.Api.Factory.Database, FuzzRun.ProblemJson).RunAsync(inputs, send);
}
