using Xunit.Abstractions;

namespace SmbAgent.HttpApi.Tests.Conversations;

/// <summary>How many times a chat turn goes to the database: each round trip is latency, more so on a remote database.</summary>
public sealed class ChatRoundTripTests(ChatStateFixture fixture, ITestOutputHelper output) : IClassFixture<ChatStateFixture>
{
    /// <summary>
    /// Before the conversation's hot state and the business's settings were cached: 22 for an FAQ answer and 14 for a
    /// greeting (conversation, idempotency lookup, per-minute count, profile, agent, questions, each after its own
    /// tenant setting). What is left: the knowledge search and the save.
    /// </summary>
    [Fact]
    public async Task A_turn_answered_from_the_knowledge_base_takes_few_database_round_trips()
    {
        var (_, widgetKey) = await fixture.NewBusinessAsync();
        var chat = fixture.Chat(widgetKey);
        await chat.StartAsync();
        (await chat.SayAsync("When are you open on Saturday?")).ShouldContain("Saturdays from 9 am to 1 pm");

        fixture.RoundTrips.Clear();
        (await chat.SayAsync("Are you open on Saturday?")).ShouldContain("Saturdays from 9 am to 1 pm");
        (await chat.SayAsync("hello")).ShouldNotBeEmpty();

        var turns = fixture.RoundTrips.Turns;
        turns.Count.ShouldBe(2);
        var report = string.Join("\n---\n", turns.Select(t => $"{t.Count}:\n" + string.Join("\n", t)));
        turns[0].Count.ShouldBeLessThanOrEqualTo(10, report);
        turns[1].Count.ShouldBeLessThanOrEqualTo(2, report);
        output.WriteLine(report);
    }
}
