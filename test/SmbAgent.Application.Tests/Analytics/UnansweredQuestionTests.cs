using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Analytics;
using SmbAgent.Application.Tests.Conversations.Voice;
using SmbAgent.Conversations.Chat;
using SmbAgent.Data;
using SmbAgent.KnowledgeBase.Ingestion;
using SmbAgent.TestKit;

namespace SmbAgent.Application.Tests.Analytics;

/// <summary>
/// Unanswered questions end to end, through the real chat engine, the roll-up job, the embeddings and the knowledge
/// ingestion: similar questions form one group, and turning it into a FAQ removes it and makes the agent answer it.
/// </summary>
public sealed class UnansweredQuestionTests(CoreFixture fixture) : IClassFixture<CoreFixture>
{
    [Fact]
    public async Task Similar_questions_are_one_group_and_turning_it_into_a_faq_answers_them()
    {
        var business = await VoiceBusinesses.CreateAsync(fixture.Services);
        var tenantId = business.TenantId;
        foreach (var question in new[] { "Do you walk dogs?", "Can you take my dog for a walk?", "Do you sell gift cards?" })
        {
            (await AskAsync(tenantId, question)).ShouldBe("notFound", question);
        }

        await fixture.Services.RunJobAsync(tenantId, new RollUpAnalyticsArgs());
        var groups = await AnalyticsAsync(tenantId, s => s.GetUnansweredGroupsAsync(7));

        groups.Count.ShouldBe(2);
        var dogs = groups[0];
        dogs.Count.ShouldBe(2);
        dogs.Examples.ShouldBe(["Can you take my dog for a walk?", "Do you walk dogs?"], ignoreOrder: true);
        groups[1].Examples.ShouldBe(["Do you sell gift cards?"]);
        (await AnalyticsAsync(tenantId, s => s.GetReportAsync(7))).Full!.UnansweredGroups.ShouldBe(2);

        var sourceId = await AnalyticsAsync(tenantId, s => s.TurnIntoFaqAsync(new TurnIntoFaqDto
        {
            QuestionIds = [.. dogs.QuestionIds],
            Question = "Do you walk dogs?",
            Answer = "Yes, we walk dogs of every breed, twice a day.",
        }));
        await fixture.Services.RunJobAsync(tenantId, new IngestKnowledgeSourceArgs(sourceId));

        (await AnalyticsAsync(tenantId, s => s.GetUnansweredGroupsAsync(7))).ShouldHaveSingleItem().Examples.ShouldBe(["Do you sell gift cards?"]);
        await fixture.Services.RunJobAsync(tenantId, new RollUpAnalyticsArgs());
        (await AnalyticsAsync(tenantId, s => s.GetUnansweredGroupsAsync(7))).Count.ShouldBe(1, "a recompute of the day doesn't bring the resolved questions back");
        var again = await ChatAsync(tenantId, "Do you walk dogs?");
        again.Kind.ShouldBe("answer");
        again.Text.ShouldContain("every breed");
        await Should.ThrowAsync<BusinessException>(() => AnalyticsAsync(tenantId, s => s.TurnIntoFaqAsync(new TurnIntoFaqDto
        {
            QuestionIds = [.. dogs.QuestionIds],
            Question = "Do you walk dogs?",
            Answer = "Twice?",
        })));
    }

    private async Task<string> AskAsync(Guid tenantId, string text) => (await ChatAsync(tenantId, text)).Kind;

    /// <summary>A new chat with one visitor message; the kind and text of the agent's first reply.</summary>
    private Task<(string Kind, string Text)> ChatAsync(Guid tenantId, string text) =>
        fixture.InTenantAsync(tenantId, async sp =>
        {
            var chat = sp.GetRequiredService<ChatAppService>();
            var started = await chat.StartAsync(new StartConversationDto(), visitor: null);
            var turn = await chat.SendAsync(started.Token, new SendMessageDto { Text = text, IdempotencyKey = Guid.NewGuid().ToString("N") });
            var reply = turn.Replies[0];
            return (reply.Reply!.Kind, reply.Text);
        });

    private Task<T> AnalyticsAsync<T>(Guid tenantId, Func<AnalyticsAppService, Task<T>> action) =>
        fixture.InTenantAsync(tenantId, sp => action(sp.GetRequiredService<AnalyticsAppService>()));
}
