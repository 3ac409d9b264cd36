using System.Net;

namespace SmbAgent.HttpApi.Tests.Conversations.Quota;

/// <summary>A conversation takes its unit of the monthly quota with the turn that stores it, and only then.</summary>
public sealed class ChatQuotaTests(ChatQuotaFixture fixture) : IClassFixture<ChatQuotaFixture>
{
    private const string Question = "When are you open on Saturday?";

    [Fact]
    public async Task A_turn_the_database_refuses_takes_no_quota_and_the_next_visitor_is_still_served()
    {
        var business = await fixture.BusinessWithQuotaAsync(1);
        var refused = fixture.Chat(business);
        await refused.StartAsync();

        var failed = await refused.PostAsync(new { text = RefusedMessageInterceptor.Text, idempotencyKey = Guid.NewGuid().ToString("N") });

        failed.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        (await fixture.ConversationsThisMonthAsync(business)).ShouldBe(0);
        var next = fixture.Chat(business);
        await next.StartAsync();
        (await next.SayAsync(Question)).ShouldContain("Saturdays from 9 am to 1 pm");
        (await fixture.ConversationsThisMonthAsync(business)).ShouldBe(1);
    }

    [Fact]
    public async Task Two_conversations_starting_together_do_not_both_take_the_last_unit()
    {
        var business = await fixture.BusinessWithQuotaAsync(1);
        var first = fixture.Chat(business);
        var second = fixture.Chat(business);
        await first.StartAsync();
        await second.StartAsync();

        var replies = await Task.WhenAll(first.SayAsync(Question), second.SayAsync(Question));

        replies.Count(r => r.Contains("Saturdays from 9 am to 1 pm")).ShouldBe(1, string.Join("\n---\n", replies));
        replies.Count(r => r.Contains("isn't available right now")).ShouldBe(1, string.Join("\n---\n", replies));
        (await fixture.ConversationsThisMonthAsync(business)).ShouldBe(1);
    }
}
