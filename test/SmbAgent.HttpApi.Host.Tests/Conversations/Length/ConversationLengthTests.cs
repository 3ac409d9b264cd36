using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace SmbAgent.HttpApi.Tests.Conversations.Length;

/// <summary>A conversation ends politely at its length limit, and its transcript is read in pages.</summary>
public sealed class ConversationLengthTests(ConversationLengthFixture fixture) : IClassFixture<ConversationLengthFixture>
{
    private const string LengthLimit = "This conversation has reached its length limit";

    [Fact]
    public async Task At_its_length_limit_the_agent_closes_the_conversation_politely_and_refuses_further_messages()
    {
        var chat = await fixture.StartedChatAsync();

        var replies = new List<string>();
        while (replies.Count < ConversationLengthFixture.MaxMessages && !replies.LastOrDefault("").Contains(LengthLimit))
        {
            replies.Add(await chat.SayAsync("When are you open on Saturday?"));
        }

        var closing = replies[^1];
        closing.ShouldContain("Saturdays from 9 am to 1 pm", customMessage: "the last question is still answered");
        closing.ShouldEndWith(
            "This conversation has reached its length limit, so I can't take more messages here. Please start a new conversation: I can take your contact details there so the team can get back to you.");
        replies.SkipLast(1).ShouldAllBe(r => !r.Contains(LengthLimit));
        var stored = (await chat.TranscriptAsync()).GetProperty("messages").GetArrayLength();
        stored.ShouldBeInRange(ConversationLengthFixture.MaxMessages - 1, ConversationLengthFixture.MaxMessages + 2);

        var refused = await chat.PostAsync(new { text = "One more question", idempotencyKey = Guid.NewGuid().ToString("N") });

        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("code").GetString().ShouldBe("Chat:ConversationFull");
        problem.GetProperty("detail").GetString()!.ShouldStartWith(LengthLimit);
        (await chat.TranscriptAsync()).GetProperty("messages").GetArrayLength().ShouldBe(stored);
    }

    [Fact]
    public async Task The_transcript_read_in_pages_holds_every_message_once_in_order()
    {
        var chat = await fixture.StartedChatAsync();
        for (var i = 0; i < 3; i++)
        {
            await chat.SayAsync("When are you open on Saturday?");
        }

        var whole = Sequences(await chat.TranscriptAsync());
        var paged = new List<int>();
        var query = "?limit=2";
        JsonElement page;
        do
        {
            var response = await chat.GetTranscriptAsync(query);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            page = await response.Content.ReadFromJsonAsync<JsonElement>();
            Sequences(page).Count.ShouldBeLessThanOrEqualTo(2);
            paged.AddRange(Sequences(page));
            query = $"?after={page.GetProperty("next")}&limit=2";
        }
        while (page.GetProperty("next").ValueKind == JsonValueKind.Number);

        whole.Count.ShouldBeGreaterThan(4);
        whole.ShouldBe(Enumerable.Range(1, whole.Count).ToList());
        paged.ShouldBe(whole);
        Sequences(await ReadAsync(chat, $"?after={whole[^2]}")).ShouldBe([whole[^1]]);
    }

    [Theory]
    [InlineData("?after=-1")]
    [InlineData("?limit=0")]
    [InlineData("?limit=101")]
    [InlineData("?limit=many")]
    public async Task A_transcript_page_asked_for_with_bad_paging_is_a_400_problem(string query)
    {
        var chat = await fixture.StartedChatAsync();

        var response = await chat.GetTranscriptAsync(query);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    private static async Task<JsonElement> ReadAsync(ChatClient chat, string query)
    {
        var response = await chat.GetTranscriptAsync(query);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static List<int> Sequences(JsonElement transcript) =>
        [.. transcript.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("sequence").GetInt32())];
}
