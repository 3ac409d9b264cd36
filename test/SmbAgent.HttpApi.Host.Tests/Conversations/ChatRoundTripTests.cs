using Xunit.Abstractions;

namespace SmbAgent.HttpApi.Tests.Conversations;

/// <summary>How many times a chat turn goes to the database: each round trip is latency, more so on a remote database.</summary>
public sealed class ChatRoundTripTests(ChatStateFixture fixture, ITestOutputHelper output) : IClassFixture<ChatStateFixture>
{
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
        turns[0].Count.ShouldBeLessThanOrEqualTo(100, report);
        turns[1].Count.ShouldBeLessThanOrEqualTo(100, report);
        output.WriteLine(report);
    }
}
