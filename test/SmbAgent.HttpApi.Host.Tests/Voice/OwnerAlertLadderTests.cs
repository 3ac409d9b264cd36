using System.Net;
using Microsoft.EntityFrameworkCore;
using SmbAgent.Features;
using SmbAgent.Notifications;

namespace SmbAgent.HttpApi.Tests.Voice;

/// <summary>The ladder on its own clock: a one-second acknowledge timeout, the job server ringing and escalating.</summary>
public sealed class OwnerAlertLadderTests(FastLadderFixture fixture) : IClassFixture<FastLadderFixture>
{
    [Fact]
    public async Task The_first_contact_times_out_and_the_second_acknowledges_by_pressing_1()
    {
        var business = await fixture.BusinessAsync();
        var leadId = await fixture.UrgentLeadAsync(business);

        var first = await fixture.CallToAsync(business.First);
        var second = await fixture.CallToAsync(business.Second);
        using var pressed = await OwnerAlertWebhooks.PressAsync(fixture.Api, second, "1");

        pressed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await pressed.Content.ReadAsStringAsync()).ShouldContain("The emergency is acknowledged.");
        first.Said.ShouldStartWith("Emergency at Drip & Co ");
        first.Said.ShouldContain("A visitor at 1 4 1 5 5 5 5 0 1 8 8 reports: Water is pouring through the ceiling.");
        first.Said.ShouldContain("Press 1 to acknowledge. Press 2 to be connected to the caller now.");
        var alert = await fixture.AlertAsync(business.TenantId, leadId);
        alert.State.ShouldBe(EmergencyAlertState.Acknowledged);
        alert.AcknowledgedBy.ShouldBe("Ben");
        alert.AcknowledgedChannel.ShouldBe("call");
        alert.AcknowledgedTime.ShouldNotBeNull();
        var attempts = await fixture.AttemptsAsync(business.TenantId, alert.Id);
        attempts[0].Recipient.ShouldBe(business.First);
        attempts[0].Status.ShouldBe("timed-out");
        attempts[1].Recipient.ShouldBe(business.Second);
        attempts[1].Status.ShouldBe("acknowledged");
        attempts[1].CallSid.ShouldStartWith("CA");
    }

    [Fact]
    public async Task With_no_acknowledgement_every_contact_is_rung_every_round_then_the_alert_is_exhausted()
    {
        var business = await fixture.BusinessAsync();
        var leadId = await fixture.UrgentLeadAsync(business);

        var alert = await fixture.WaitForAsync(business.TenantId, leadId, (a, _) => a.State == EmergencyAlertState.Exhausted);

        var attempts = await fixture.AttemptsAsync(business.TenantId, alert.Id);
        attempts.Select(a => (a.Round, a.Recipient, a.Status)).ShouldBe(
        [
            (1, business.First, "timed-out"),
            (1, business.Second, "timed-out"),
            (2, business.First, "timed-out"),
            (2, business.Second, "timed-out"),
        ]);
        alert.AcknowledgedBy.ShouldBeNull();
    }

    [Fact]
    public async Task Below_pro_an_urgent_lead_calls_nobody_and_still_goes_out_by_email_and_sms()
    {
        var business = await fixture.BusinessAsync(EditionMatrix.Basic);
        var leadId = await fixture.UrgentLeadAsync(business);

        var alert = await fixture.AlertAsync(business.TenantId, leadId);
        var deliveries = await fixture.InTenantAsync(business.TenantId, db => db.NotificationDeliveries.AsNoTracking()
            .Where(d => d.LeadId == leadId).Select(d => new { d.Channel, d.Recipient }).ToListAsync());

        alert.State.ShouldBe(EmergencyAlertState.NotCalled);
        (await fixture.AttemptsAsync(business.TenantId, alert.Id)).ShouldBeEmpty();
        deliveries.ShouldContain(new { Channel = NotificationChannel.Email, Recipient = business.OwnerEmail });
        deliveries.ShouldContain(new { Channel = NotificationChannel.Sms, Recipient = business.First });
        deliveries.ShouldContain(new { Channel = NotificationChannel.Sms, Recipient = business.Second });
        fixture.Twilio.Calls.ShouldNotContain(c => c.To == business.First || c.To == business.Second);
    }
}
