using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Notifications;
using SmbAgent.Workspace;

namespace SmbAgent.Application.Tests.Notifications;

/// <summary>A relay down longer than Hangfire retries: the delivery ends Failed on the lead, and the owner's retry sends it once.</summary>
public sealed class DeliveryRetryTests(NotificationHarness harness) : IClassFixture<NotificationHarness>
{
    [Fact]
    public async Task A_delivery_failing_past_the_last_retry_is_failed_on_the_lead_and_a_retry_sends_it_exactly_once()
    {
        var ownerEmail = $"owner-{Guid.NewGuid():N}@example.com";
        var owner = await harness.NewBusinessAsync(visitorConfirmation: false, new NotificationContact(ContactKind.Email, ownerEmail, "Owner"));
        var (leadId, deliveries) = await harness.AddLeadAsync(owner.TenantId, notes: "No hot water");
        var deliveryId = deliveries.ShouldHaveSingleItem().Id;
        harness.Smtp.FailNext(DeliverNotificationJob.MaxAttempts + 1, 421);

        // The first run and Hangfire's retries: every one but the last throws, for Hangfire to schedule the next.
        for (var attempt = 1; attempt < DeliverNotificationJob.MaxAttempts; attempt++)
        {
            await Should.ThrowAsync<Exception>(harness.RunAsync(owner.TenantId, deliveryId));
        }

        var beforeLast = (await harness.LeadDetailsAsync(owner.TenantId, leadId)).Deliveries.ShouldHaveSingleItem();
        await harness.RunAsync(owner.TenantId, deliveryId);
        var failed = (await harness.LeadDetailsAsync(owner.TenantId, leadId)).Deliveries.ShouldHaveSingleItem();
        await harness.RunAsync(owner.TenantId, deliveryId);

        beforeLast.Status.ShouldBe(DeliveryStatus.Pending);
        failed.Status.ShouldBe(DeliveryStatus.Failed);
        failed.Attempts.ShouldBe(DeliverNotificationJob.MaxAttempts);
        failed.LastError.ShouldNotBeNullOrWhiteSpace();
        failed.SentTime.ShouldBeNull();
        harness.Smtp.FailedAttempts.ShouldBe(DeliverNotificationJob.MaxAttempts, "a run after giving up tries nothing");

        // Two clicks queue one round, which starts afresh: its first failure is retried, not the end.
        var first = await RetryAsync(owner.TenantId, deliveryId);
        var second = await RetryAsync(owner.TenantId, deliveryId);
        var queued = harness.TakeQueued(owner.TenantId).ShouldHaveSingleItem();
        await Should.ThrowAsync<Exception>(harness.RunAsync(owner.TenantId, queued));
        var afterRetryFailure = (await harness.LeadDetailsAsync(owner.TenantId, leadId)).Deliveries.ShouldHaveSingleItem();
        await harness.RunAsync(owner.TenantId, queued);
        var sentAgain = await RetryAsync(owner.TenantId, deliveryId);
        var queuedAfterSent = harness.TakeQueued(owner.TenantId);

        (first, second, sentAgain).ShouldBe((true, false, false));
        queued.ShouldBe(new DeliverNotificationArgs(deliveryId, DeliverNotificationJob.MaxAttempts));
        afterRetryFailure.Status.ShouldBe(DeliveryStatus.Pending);
        afterRetryFailure.Attempts.ShouldBe(DeliverNotificationJob.MaxAttempts + 1);
        queuedAfterSent.ShouldBeEmpty();
        var sent = (await harness.LeadDetailsAsync(owner.TenantId, leadId)).Deliveries.ShouldHaveSingleItem();
        sent.Status.ShouldBe(DeliveryStatus.Sent);
        sent.Attempts.ShouldBe(DeliverNotificationJob.MaxAttempts + 2);
        sent.LastError.ShouldBeNull();
        harness.Smtp.Messages.Where(m => m.Recipients.Contains(ownerEmail)).ShouldHaveSingleItem();
    }

    private Task<bool> RetryAsync(Guid tenantId, Guid deliveryId) =>
        harness.InTenantAsync(tenantId, sp => sp.GetRequiredService<NotificationDeliveryAppService>().RetryAsync(deliveryId));
}
