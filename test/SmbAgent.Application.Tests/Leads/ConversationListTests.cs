using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Conversations;
using SmbAgent.Data;
using SmbAgent.Leads;

namespace SmbAgent.Application.Tests.Leads;

/// <summary>The conversations list and transcript over the real database.</summary>
public sealed class ConversationListTests(LeadsFixture fixture) : IClassFixture<LeadsFixture>
{
    private static readonly DateTimeOffset Day = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Written_conversations_come_newest_activity_first_with_their_count_state_priority_and_lead()
    {
        var tenant = await fixture.CreateTenantAsync();
        var older = await AddConversationAsync(tenant, Day.AddHours(-2), (MessageRole.Agent, "Hi!"), (MessageRole.Visitor, "Are you open on Saturday?"), (MessageRole.Agent, "Yes, 9 to 1."));
        await AddConversationAsync(tenant, Day, (MessageRole.Agent, "Hi! Nobody wrote back."));
        var leadId = await fixture.AddLeadAsync(tenant, new()
        {
            Created = Day.AddHours(-1),
            Name = "Ana Lima",
            Priority = LeadPriority.Urgent,
            Messages = [(MessageRole.Agent, "Hi!"), (MessageRole.Visitor, "My basement is flooding " + new string('!', 200))],
        });

        var list = await fixture.ConversationsAsync(tenant, s => s.GetListAsync(new()));

        list.Conversations.TotalCount.ShouldBe(2);
        var (withLead, plain) = (list.Conversations.Items[0], list.Conversations.Items[1]);
        (withLead.LeadId, withLead.LeadContactName, withLead.Priority, withLead.State, withLead.MessageCount).ShouldBe((leadId, "Ana Lima", LeadPriority.Urgent, ConversationState.Completed, 2));
        withLead.Preview.ShouldNotBeNull().Length.ShouldBe(ConversationAppService.PreviewLength);
        withLead.Preview.ShouldStartWith("My basement is flooding");
        (plain.Id, plain.LeadId, plain.LeadContactName, plain.MessageCount, plain.Preview).ShouldBe((older, null, null, 3, "Are you open on Saturday?"));
    }

    [Fact]
    public async Task Pages_hold_a_fixed_number_of_conversations()
    {
        var tenant = await fixture.CreateTenantAsync();
        var ids = new List<Guid>();
        for (var i = 0; i < ConversationListInput.PageSize + 2; i++)
        {
            ids.Add(await AddConversationAsync(tenant, Day.AddMinutes(-i), (MessageRole.Visitor, $"Question {i}")));
        }

        var second = await fixture.ConversationsAsync(tenant, s => s.GetListAsync(new() { Page = 2 }));

        (second.Conversations.TotalCount, second.Conversations.TotalPages).ShouldBe((ConversationListInput.PageSize + 2, 2));
        second.Conversations.Items.Select(c => c.Id).ShouldBe(ids[^2..]);
    }

    [Fact]
    public async Task The_transcript_is_in_order_and_another_businesss_conversation_is_not_found()
    {
        var other = await fixture.CreateTenantAsync();
        var tenant = await fixture.CreateTenantAsync();
        var theirs = await AddConversationAsync(other, Day, (MessageRole.Visitor, "Their question"));
        var mine = await AddConversationAsync(tenant, Day, (MessageRole.Agent, "Hi!"), (MessageRole.Visitor, "Do you fix boilers?"), (MessageRole.Owner, "Yes, this is Sam."));

        var details = await fixture.ConversationsAsync(tenant, s => s.GetAsync(mine));
        var listed = await fixture.ConversationsAsync(tenant, s => s.GetListAsync(new()));

        details.Transcript.Select(m => (m.Role, m.Text)).ShouldBe([(MessageRole.Agent, "Hi!"), (MessageRole.Visitor, "Do you fix boilers?"), (MessageRole.Owner, "Yes, this is Sam.")]);
        details.Conversation.MessageCount.ShouldBe(3);
        listed.Conversations.Items.Select(c => c.Id).ShouldBe([mine]);
        await Should.ThrowAsync<EntityNotFoundException>(() => fixture.ConversationsAsync(tenant, s => s.GetAsync(theirs)));
    }

    private Task<Guid> AddConversationAsync(Guid tenant, DateTimeOffset lastActivity, params (MessageRole Role, string Text)[] messages) =>
        fixture.InTenantAsync(tenant, async sp =>
        {
            var db = sp.GetRequiredService<ISmbAgentDbContext>();
            var conversation = new Conversation(Guid.CreateVersion7(), tenant, ConversationChannel.Chat, Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"), "en")
            {
                CreationTime = lastActivity.AddMinutes(-10),
                LastActivityTime = lastActivity,
                MessageCount = messages.Length,
            };
            db.Conversations.Add(conversation);
            for (var i = 0; i < messages.Length; i++)
            {
                db.ConversationMessages.Add(new ConversationMessage(Guid.CreateVersion7(), tenant, conversation.Id, i + 1, messages[i].Role, messages[i].Text) { CreationTime = lastActivity });
            }

            await db.SaveChangesAsync();
            return conversation.Id;
        });
}
