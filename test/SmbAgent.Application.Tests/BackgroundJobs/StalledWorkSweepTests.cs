using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Conversations.Chat;
using SmbAgent.Data;
using SmbAgent.Features;
using SmbAgent.KnowledgeBase;
using SmbAgent.KnowledgeBase.Ingestion;
using SmbAgent.Notifications;
using SmbAgent.TestKit;
using SmbAgent.Workspace;

namespace SmbAgent.Application.Tests.BackgroundJobs;

/// <summary>
/// "An outage delays, never loses": the job client fails between a save and its enqueue, the work waits Pending, and
/// the sweep queues it once — whichever and however many sweeps run — while work with a job behind it is left alone.
/// </summary>
public sealed class StalledWorkSweepTests(StalledWorkHarness harness) : IClassFixture<StalledWorkHarness>
{
    private static readonly TimeSpan PastCutoff = StalledWorkHarness.SweepAfter + TimeSpan.FromSeconds(1);

    [Fact]
    public async Task A_turns_notification_whose_enqueue_failed_is_queued_once_by_the_sweep_and_mailed_exactly_once()
    {
        var ownerEmail = $"owner-{Guid.NewGuid():N}@example.com";
        var owner = await NewBusinessAsync(ownerEmail);
        harness.Jobs.FailNext(1);

        await Should.ThrowAsync<InvalidOperationException>(AskForAPersonAsync(owner.TenantId));
        var pending = (await DeliveriesAsync(owner.TenantId)).ShouldHaveSingleItem();
        await harness.SweepAsync();
        var queuedBeforeCutoff = harness.QueuedFor<DeliverNotificationArgs>(owner.TenantId);

        harness.Clock.Advance(PastCutoff);
        await Task.WhenAll(harness.SweepAsync(), harness.SweepAsync());
        await harness.SweepAsync();
        var queued = harness.QueuedFor<DeliverNotificationArgs>(owner.TenantId);
        foreach (var args in queued)
        {
            // At least once: a job running twice sends once.
            await harness.RunAsync(owner.TenantId, args);
            await harness.RunAsync(owner.TenantId, args);
        }

        harness.Clock.Advance(PastCutoff);
        await harness.SweepAsync();

        pending.Status.ShouldBe(DeliveryStatus.Pending);
        queuedBeforeCutoff.ShouldBeEmpty("queued less than SweepAfter ago: in flight");
        queued.ShouldBe([new DeliverNotificationArgs(pending.Id, 0)]);
        harness.QueuedFor<DeliverNotificationArgs>(owner.TenantId).Count.ShouldBe(1, "sent: nothing left to sweep");
        (await DeliveriesAsync(owner.TenantId)).ShouldHaveSingleItem().Status.ShouldBe(DeliveryStatus.Sent);
        harness.Smtp.Messages.Where(m => m.Recipients.Contains(ownerEmail)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task A_knowledge_source_whose_enqueue_failed_is_queued_once_by_the_sweep_and_indexed()
    {
        var owner = await TestTenants.CreateAsync(harness.Services);
        harness.Jobs.FailNext(1);

        await Should.ThrowAsync<InvalidOperationException>(harness.InTenantAsync(owner.TenantId, sp =>
            sp.GetRequiredService<KnowledgeSourceAppService>().CreateFaqAsync(new CreateFaqSourceDto
            {
                Title = "Opening hours",
                Language = "en",
                Text = "Q: When are you open?\nA: Monday to Friday, 8 to 5.",
            })));
        var pending = (await SourcesAsync(owner.TenantId)).ShouldHaveSingleItem();
        await harness.SweepAsync();
        var queuedBeforeCutoff = harness.QueuedFor<IngestKnowledgeSourceArgs>(owner.TenantId);

        harness.Clock.Advance(PastCutoff);
        await Task.WhenAll(harness.SweepAsync(), harness.SweepAsync());
        await harness.SweepAsync();
        var queued = harness.QueuedFor<IngestKnowledgeSourceArgs>(owner.TenantId);
        foreach (var args in queued)
        {
            await harness.RunAsync(owner.TenantId, args);
        }

        harness.Clock.Advance(PastCutoff);
        await harness.SweepAsync();

        pending.Status.ShouldBe(KnowledgeSourceStatus.Pending);
        queuedBeforeCutoff.ShouldBeEmpty("queued less than SweepAfter ago: in flight");
        queued.ShouldBe([new IngestKnowledgeSourceArgs(pending.Id)]);
        harness.QueuedFor<IngestKnowledgeSourceArgs>(owner.TenantId).Count.ShouldBe(1, "indexed: nothing left to sweep");
        var indexed = (await SourcesAsync(owner.TenantId)).ShouldHaveSingleItem();
        indexed.Status.ShouldBe(KnowledgeSourceStatus.Indexed);
        indexed.ChunkCount.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task A_delivery_with_a_job_behind_it_is_never_queued_again_by_the_sweep()
    {
        var ownerEmail = $"owner-{Guid.NewGuid():N}@example.com";
        var owner = await NewBusinessAsync(ownerEmail);
        await AskForAPersonAsync(owner.TenantId);
        var queued = harness.QueuedFor<DeliverNotificationArgs>(owner.TenantId).ShouldHaveSingleItem();

        // Its job ran and failed: Hangfire's retry, minutes away after a few failures, is behind it.
        harness.Smtp.FailNext(1, 421);
        await Should.ThrowAsync<Exception>(harness.RunAsync(owner.TenantId, queued));
        harness.Clock.Advance(PastCutoff);
        await harness.SweepAsync();
        var queuedDuringRetries = harness.QueuedFor<DeliverNotificationArgs>(owner.TenantId);

        queuedDuringRetries.ShouldBe([queued]);
        var retrying = (await DeliveriesAsync(owner.TenantId)).ShouldHaveSingleItem();
        (retrying.Status, retrying.Attempts).ShouldBe((DeliveryStatus.Pending, 1));
        harness.Smtp.Messages.Where(m => m.Recipients.Contains(ownerEmail)).ShouldBeEmpty();
    }

    private async Task<TenantOwner> NewBusinessAsync(string ownerEmail)
    {
        var owner = await TestTenants.CreateAsync(harness.Services, edition: EditionMatrix.Basic);
        await harness.InTenantAsync(owner.TenantId, async sp =>
        {
            var db = sp.GetRequiredService<ISmbAgentDbContext>();
            (await db.BusinessProfiles.SingleAsync()).Contacts = [new NotificationContact(ContactKind.Email, ownerEmail, "Owner")];
            await db.SaveChangesAsync();
        });
        return owner;
    }

    private Task AskForAPersonAsync(Guid tenantId) =>
        harness.InTenantAsync(tenantId, async sp =>
        {
            var chat = sp.GetRequiredService<ChatAppService>();
            var started = await chat.StartAsync(new StartConversationDto(), visitor: null);
            await chat.SendAsync(started.Token, new SendMessageDto { Text = "Can I talk to a real person?", IdempotencyKey = Guid.NewGuid().ToString("N") });
        });

    private Task<List<NotificationDelivery>> DeliveriesAsync(Guid tenantId) =>
        harness.InTenantAsync(tenantId, sp => sp.GetRequiredService<ISmbAgentDbContext>().NotificationDeliveries.AsNoTracking().ToListAsync());

    private Task<List<KnowledgeSource>> SourcesAsync(Guid tenantId) =>
        harness.InTenantAsync(tenantId, sp => sp.GetRequiredService<ISmbAgentDbContext>().KnowledgeSources.AsNoTracking().ToListAsync());
}
