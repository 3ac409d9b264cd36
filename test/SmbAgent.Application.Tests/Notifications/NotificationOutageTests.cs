using SmbAgent.Notifications;
using SmbAgent.Workspace;

namespace SmbAgent.Application.Tests.Notifications;

/// <summary>A relay and Twilio both down when a lead comes in: the owner's email and SMS wait, then go out once each.</summary>
public sealed class NotificationOutageTests(NotificationHarness harness) : IClassFixture<NotificationHarness>
{
    [Fact]
    public async Task Email_and_sms_failing_then_recovering_are_each_delivered_exactly_once_and_the_lead_shows_how()
    {
        var ownerEmail = $"owner-{Guid.NewGuid():N}@example.com";
        var owner = await harness.NewBusinessAsync(
            visitorConfirmation: false,
            new NotificationContact(ContactKind.Email, ownerEmail, "Owner"),
            new NotificationContact(ContactKind.Phone, "+14155550161", "Owner's mobile"));
        var (leadId, deliveries) = await harness.AddLeadAsync(owner.TenantId, notes: "The boiler stopped");
        harness.Smtp.FailNext(1, 421);
        harness.Smtp.FailNext(1, 451);
        harness.Twilio.FailNext(5, 503);

        // Hangfire's first attempts, then its retries: the outage lasts two attempts for mail, one for SMS (5 HTTP tries).
        foreach (var delivery in deliveries)
        {
            await Should.ThrowAsync<Exception>(harness.RunAsync(owner.TenantId, delivery.Id));
        }

        var during = await harness.LeadDetailsAsync(owner.TenantId, leadId);
        var email = deliveries.Single(d => d.Channel == NotificationChannel.Email);
        await Should.ThrowAsync<Exception>(harness.RunAsync(owner.TenantId, email.Id));
        foreach (var delivery in deliveries)
        {
            await harness.RunAsync(owner.TenantId, delivery.Id);
            await harness.RunAsync(owner.TenantId, delivery.Id);
        }

        during.Deliveries.Count.ShouldBe(2);
        during.Deliveries.ShouldAllBe(d => d.Status == DeliveryStatus.Pending && d.Attempts == 1 && d.LastError != null);
        var after = await harness.LeadDetailsAsync(owner.TenantId, leadId);
        after.Deliveries.ShouldAllBe(d => d.Status == DeliveryStatus.Sent && d.LastError == null && d.SentTime != null);
        after.Deliveries.Single(d => d.Channel == NotificationChannel.Email).Attempts.ShouldBe(3);
        after.Deliveries.Single(d => d.Channel == NotificationChannel.Sms).Attempts.ShouldBe(2);
        harness.Smtp.FailedAttempts.ShouldBe(2);
        harness.Smtp.Messages.Where(m => m.Recipients.Contains(ownerEmail)).ShouldHaveSingleItem()
            .Parse().Subject.ShouldStartWith("[NORMAL] New lead for");
        harness.Twilio.Messages.Where(m => m.To == "+14155550161").ShouldHaveSingleItem().Body.ShouldContain("The boiler stopped");
    }
}
