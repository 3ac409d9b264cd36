using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Conversations;
using SmbAgent.Conversations.Chat;
using SmbAgent.Conversations.Takeover;
using SmbAgent.Data;
using SmbAgent.Tenancy;
using SmbAgent.TestKit;

namespace SmbAgent.Application.Tests.Conversations;

/// <summary>
/// The team and the visitor writing to one conversation at the same moment, over the real database: the unique
/// (conversation, sequence) index decides, the takeover side reloads and tries again, and no sequence is taken twice.
/// </summary>
public sealed class TakeoverRaceTests(CoreFixture fixture) : IClassFixture<CoreFixture>, IAsyncLifetime
{
    private readonly InterleavingClock _clock = new();
    private ServiceProvider _services = null!;

    public Task InitializeAsync()
    {
        _services = CoreFixture.BuildServices(fixture.Database, configureServices: s => s.AddSingleton<TimeProvider>(_clock));
        return Task.CompletedTask;
    }

    [Fact]
    public async Task An_owner_message_racing_a_visitor_message_is_stored_after_it()
    {
        var (tenantId, token, conversationId) = await StartAsync();
        await InTenantAsync(tenantId, sp => sp.GetRequiredService<TakeoverAppService>().TakeOverAsync(conversationId, Guid.NewGuid()));

        _clock.Arm(() => VisitorSaysAsync(tenantId, token, "Is anyone there?"));
        await InTenantAsync(tenantId, sp => sp.GetRequiredService<TakeoverAppService>().SendAsync(conversationId, new OwnerMessageDto { Text = "Hi, this is Sam." }));

        var (messages, count) = await TranscriptAsync(tenantId, conversationId);
        messages.Select(m => m.Sequence).ShouldBe(Enumerable.Range(1, messages.Count));
        count.ShouldBe(messages.Count);
        messages[^2..].Select(m => (m.Role, m.Text)).ShouldBe([(MessageRole.Visitor, "Is anyone there?"), (MessageRole.Owner, "Hi, this is Sam.")]);
    }

    [Fact]
    public async Task A_visitor_turn_racing_the_takeover_cannot_undo_it()
    {
        var (tenantId, token, conversationId) = await StartAsync();

        _clock.Arm(() => VisitorSaysAsync(tenantId, token, "Can I talk to a real person?"));
        await InTenantAsync(tenantId, sp => sp.GetRequiredService<TakeoverAppService>().TakeOverAsync(conversationId, Guid.NewGuid()));

        var (messages, count) = await TranscriptAsync(tenantId, conversationId);
        var conversation = await InTenantAsync(tenantId, sp => sp.GetRequiredService<ISmbAgentDbContext>().Conversations.AsNoTracking().SingleAsync(c => c.Id == conversationId));
        conversation.State.ShouldBe(ConversationState.HandOff);
        conversation.HumanRequestedTime.ShouldBeNull();
        messages.Select(m => m.Sequence).ShouldBe(Enumerable.Range(1, messages.Count));
        count.ShouldBe(messages.Count);
        messages[1].Text.ShouldBe("Can I talk to a real person?");
        messages[^1].Text.ShouldBe("You're now chatting with a person from the team.");
    }

    [Fact]
    public async Task A_visitor_message_racing_an_owner_message_runs_again_and_is_stored_after_it()
    {
        var (tenantId, token, conversationId) = await StartAsync();
        await InTenantAsync(tenantId, sp => sp.GetRequiredService<TakeoverAppService>().TakeOverAsync(conversationId, Guid.NewGuid()));

        _clock.Arm(() => InTenantAsync(tenantId, sp => sp.GetRequiredService<TakeoverAppService>().SendAsync(conversationId, new OwnerMessageDto { Text = "Hi, this is Sam." })));
        var turn = await VisitorSaysAsync(tenantId, token, "Is anyone there?");

        turn.State.ShouldBe(ConversationState.HandOff);
        turn.Replies.ShouldBeEmpty();
        var (messages, count) = await TranscriptAsync(tenantId, conversationId);
        messages.Select(m => m.Sequence).ShouldBe(Enumerable.Range(1, messages.Count));
        count.ShouldBe(messages.Count);
        messages[^2..].Select(m => (m.Role, m.Text)).ShouldBe([(MessageRole.Owner, "Hi, this is Sam."), (MessageRole.Visitor, "Is anyone there?")]);
    }

    private async Task<(Guid TenantId, string Token, Guid ConversationId)> StartAsync()
    {
        var tenantId = (await TestTenants.CreateAsync(_services)).TenantId;
        return await InTenantAsync(tenantId, async sp =>
        {
            var started = await sp.GetRequiredService<ChatAppService>().StartAsync(new StartConversationDto(), visitor: null);
            var id = await sp.GetRequiredService<ISmbAgentDbContext>().Conversations.Select(c => c.Id).SingleAsync();
            return (tenantId, started.Token, id);
        });
    }

    private Task<TurnDto> VisitorSaysAsync(Guid tenantId, string token, string text) =>
        InTenantAsync(tenantId, sp => sp.GetRequiredService<ChatAppService>().SendAsync(token, new SendMessageDto { Text = text, IdempotencyKey = Guid.NewGuid().ToString("N") }));

    private Task<(List<ConversationMessage> Messages, int Count)> TranscriptAsync(Guid tenantId, Guid conversationId) =>
        InTenantAsync(tenantId, async sp =>
        {
            var db = sp.GetRequiredService<ISmbAgentDbContext>();
            var messages = await db.ConversationMessages.AsNoTracking().Where(m => m.ConversationId == conversationId).OrderBy(m => m.Sequence).ToListAsync();
            var count = await db.Conversations.Where(c => c.Id == conversationId).Select(c => c.MessageCount).SingleAsync();
            return (messages, count);
        });

    private Task<T> InTenantAsync<T>(Guid tenantId, Func<IServiceProvider, Task<T>> action) => _services.InTenantAsync(tenantId, action);

    private Task InTenantAsync(Guid tenantId, Func<IServiceProvider, Task> action) => _services.InTenantAsync(tenantId, action);

    public Task DisposeAsync() => _services.DisposeAsync().AsTask();
}
