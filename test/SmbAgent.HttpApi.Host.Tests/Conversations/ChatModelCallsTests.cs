using System.Diagnostics;
using SmbAgent.TestKit.Stubs;

namespace SmbAgent.HttpApi.Tests.Conversations;

/// <summary>
/// What a chat turn asks of the embedding model, seen on the OpenAI stub that every model call of this host goes
/// to (thresholds are configured for its model, so the emergency check's similarity runs as it does locally).
/// </summary>
public sealed class ChatModelCallsTests : IAsyncLifetime
{
    private OpenAiStubServer _stub = null!;
    private ApiFixture _fixture = null!;

    public async Task InitializeAsync()
    {
        _stub = await OpenAiStubServer.StartAsync();
        _fixture = new ApiFixture
        {
            Overrides =
            {
                ["OpenAI:ApiKey"] = "sk-test-key",
                ["OpenAI:Endpoint"] = _stub.Endpoint.ToString(),
                ["Conversations:Emergencies:Similarity:text-embedding-3-small:Urgent"] = "0.95",
                ["Conversations:Emergencies:Similarity:text-embedding-3-small:High"] = "0.95",
                ["Conversations:Emergencies:Similarity:text-embedding-3-small:Languages:0"] = "en",
                ["Conversations:Emergencies:SimilarityTimeout"] = "00:00:00.300",
                ["KnowledgeBase:EmbeddingTimeout"] = "00:00:01",

                // The key also brings the chat model to the stub: its calls give up quickly too when the stub is stuck.
                ["Conversations:Assistant:Timeout"] = "00:00:00.500",
            },
        };
        await _fixture.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _fixture.DisposeAsync();
        await _stub.DisposeAsync();
    }

    [Fact]
    public async Task A_turn_embeds_its_text_once_for_the_emergency_check_and_the_knowledge_search()
    {
        var chat = new ChatClient(_fixture.Factory.CreateClient(), await NewBusinessAsync());
        await chat.StartAsync();

        await chat.SayAsync("Do you install water heaters on Sundays?");

        var embeddings = _stub.Requests.Where(r => r.Path.EndsWith("/embeddings", StringComparison.Ordinal)).ToList();
        embeddings.Count(r => Inputs(r).Length > 10).ShouldBe(1, "the emergency examples, so the similarity check ran");
        embeddings.Count(r => Inputs(r) is ["Do you install water heaters on Sundays?"]).ShouldBe(1);
    }

    [Fact]
    public async Task When_the_model_is_stuck_the_turn_answers_by_full_text_after_the_budget()
    {
        var chat = new ChatClient(_fixture.Factory.CreateClient(), await NewBusinessAsync());
        await chat.StartAsync();
        _stub.Delay = TimeSpan.FromSeconds(8);

        var stopwatch = Stopwatch.StartNew();
        var reply = await chat.SayAsync("What are your opening hours?");

        stopwatch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(4));
        reply.ShouldContain("Saturdays from 9 am to 1 pm");
        reply.ShouldContain("Source: Plumbing FAQ");
    }

    private static string[] Inputs(RecordedRequest request) =>
        request.Body["input"] is System.Text.Json.Nodes.JsonArray array ? [.. array.Select(i => i!.GetValue<string>())] : [request.Body["input"]!.GetValue<string>()];

    /// <summary>A business with an FAQ indexed by the stub's model; returns its widget key.</summary>
    private async Task<string> NewBusinessAsync() => (await ChatBusinesses.CreateAsync(_fixture)).WidgetKey;
}
