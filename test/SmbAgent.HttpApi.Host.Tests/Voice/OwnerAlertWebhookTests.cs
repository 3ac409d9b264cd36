using System.Net;
using System.Xml.Linq;
using SmbAgent.Notifications;
using SmbAgent.TestKit.Twilio;

namespace SmbAgent.HttpApi.Tests.Voice;

/// <summary>The ladder driven by the alert call's webhooks alone: the acknowledge timeout is far away.</summary>
public sealed class OwnerAlertWebhookTests(SlowLadderFixture fixture) : IClassFixture<SlowLadderFixture>
{
    [Fact]
    public async Task A_no_answer_rings_the_next_contact_at_once_and_a_duplicate_status_does_not_ring_another()
    {
        var business = await fixture.BusinessAsync();
        var leadId = await fixture.UrgentLeadAsync(business);
        var first = await fixture.CallToAsync(business.First);

        using var ringing = await OwnerAlertWebhooks.StatusAsync(fixture.Api, first, "ringing");
        using var noAnswer = await OwnerAlertWebhooks.StatusAsync(fixture.Api, first, "no-answer");
        var second = await fixture.CallToAsync(business.Second);
        using var again = await OwnerAlertWebhooks.StatusAsync(fixture.Api, first, "no-answer");
        using var answered = await OwnerAlertWebhooks.StatusAsync(fixture.Api, second, "in-progress");

        ringing.StatusCode.ShouldBe(HttpStatusCode.OK);
        noAnswer.StatusCode.ShouldBe(HttpStatusCode.OK);
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        var alert = await fixture.AlertAsync(business.TenantId, leadId);
        alert.State.ShouldBe(EmergencyAlertState.Calling);
        (alert.Round, alert.ContactIndex).ShouldBe((1, 1));
        var attempts = await fixture.AttemptsAsync(business.TenantId, alert.Id);
        attempts.Select(a => (a.Recipient, a.Status)).ShouldBe([(business.First, "no-answer"), (business.Second, "in-progress")]);
        attempts[1].AnsweredTime.ShouldNotBeNull();
        fixture.Twilio.Calls.Count(c => c.To == business.Second).ShouldBe(1);
    }

    [Fact]
    public async Task An_answered_call_that_ends_without_a_key_rings_the_next_contact_at_once()
    {
        var business = await fixture.BusinessAsync();
        var leadId = await fixture.UrgentLeadAsync(business);
        var first = await fixture.CallToAsync(business.First);

        using var answered = await OwnerAlertWebhooks.StatusAsync(fixture.Api, first, "in-progress");
        using var hungUp = await OwnerAlertWebhooks.StatusAsync(fixture.Api, first, "completed");
        await fixture.CallToAsync(business.Second);

        hungUp.StatusCode.ShouldBe(HttpStatusCode.OK);
        var alert = await fixture.AlertAsync(business.TenantId, leadId);
        alert.State.ShouldBe(EmergencyAlertState.Calling);
        (alert.Round, alert.ContactIndex).ShouldBe((1, 1));
        var attempts = await fixture.AttemptsAsync(business.TenantId, alert.Id);
        attempts[0].Status.ShouldBe("hung-up");
        attempts[0].AnsweredTime.ShouldNotBeNull();
    }

    [Fact]
    public async Task A_call_that_cannot_be_placed_is_recorded_and_the_next_contact_is_rung_at_once()
    {
        // This ladder's acknowledge timeout is ten minutes: a second attempt within the wait can only follow the failure.
        var business = await fixture.BusinessAsync(first: "+1555");
        var leadId = await fixture.UrgentLeadAsync(business);

        var alert = await fixture.WaitForAsync(business.TenantId, leadId, (_, attempts) => attempts.Count >= 2);

        var attempts = await fixture.AttemptsAsync(business.TenantId, alert.Id);
        attempts[0].Status.ShouldBe("failed");
        attempts[0].Error.ShouldNotBeNull().ShouldContain("21211");
        attempts[0].CallSid.ShouldBeNull();
        attempts[1].Recipient.ShouldBe(business.Second);
    }

    [Fact]
    public async Task Pressing_2_connects_the_owner_to_the_visitor_and_never_to_a_number_the_visitor_typed_in_their_answer()
    {
        var business = await fixture.BusinessAsync();
        var leadId = await fixture.UrgentLeadAsync(business, problem: "Pipe burst, please call my landlord at +1 212 555 0199 instead");
        var first = await fixture.CallToAsync(business.First);

        using var pressed = await OwnerAlertWebhooks.PressAsync(fixture.Api, first, "2");

        var twiml = XDocument.Parse(await pressed.Content.ReadAsStringAsync());
        twiml.Descendants("Dial").Single().Value.ShouldBe("+14155550188");
        var alert = await fixture.AlertAsync(business.TenantId, leadId);
        alert.State.ShouldBe(EmergencyAlertState.Acknowledged);
        alert.AcknowledgedBy.ShouldBe("Ana");
        alert.AcknowledgedChannel.ShouldBe("connect");
        (await fixture.AttemptsAsync(business.TenantId, alert.Id)).ShouldHaveSingleItem().Status.ShouldBe("connected");
        fixture.Twilio.Calls.ShouldNotContain(c => c.To == "+14155550188" || c.To == "+12125550199");
        fixture.Twilio.Calls.Count(c => c.To == business.First).ShouldBe(1);
        first.Said.ShouldContain("reports: Pipe burst, please call my landlord");
    }

    [Fact]
    public async Task Another_key_hears_the_prompt_once_more_then_goodbye()
    {
        var business = await fixture.BusinessAsync();
        var leadId = await fixture.UrgentLeadAsync(business);
        var first = await fixture.CallToAsync(business.First);

        using var wrong = await OwnerAlertWebhooks.PressAsync(fixture.Api, first, "7");
        var reprompt = new OwnerCall(first.Request with { Twiml = await wrong.Content.ReadAsStringAsync() });
        using var wrongAgain = await OwnerAlertWebhooks.PressAsync(fixture.Api, reprompt, "9");

        reprompt.Said.ShouldBe(first.Said);
        reprompt.ChoicePath.ShouldEndWith("&again=1");
        var goodbye = XDocument.Parse(await wrongAgain.Content.ReadAsStringAsync());
        goodbye.Descendants("Gather").ShouldBeEmpty();
        goodbye.Descendants("Hangup").ShouldHaveSingleItem();
        (await fixture.AlertAsync(business.TenantId, leadId)).State.ShouldBe(EmergencyAlertState.Calling);
    }

    [Fact]
    public async Task A_token_that_was_not_issued_here_finds_nothing()
    {
        var business = await fixture.BusinessAsync();
        await fixture.UrgentLeadAsync(business);
        var first = await fixture.CallToAsync(business.First);
        var token = first.ChoiceUrl.Query["?a=".Length..];
        var forged = token[..^4] + (token[^4..] == "AAAA" ? "BBBB" : "AAAA");

        using var choice = await OwnerAlertWebhooks.PressAsync(fixture.Api, first, "1", $"/api/voice/owner-alert/choice?a={forged}");
        using var status = await OwnerAlertWebhooks.StatusAsync(fixture.Api, first, "no-answer", $"/api/voice/owner-alert/status?a={forged}");
        using var missing = await OwnerAlertWebhooks.StatusAsync(fixture.Api, first, "no-answer", "/api/voice/owner-alert/status");

        choice.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        status.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_forged_or_missing_signature_is_refused_on_every_owner_alert_webhook_and_changes_nothing()
    {
        var business = await fixture.BusinessAsync();
        var leadId = await fixture.UrgentLeadAsync(business);
        var first = await fixture.CallToAsync(business.First);
        var client = OwnerAlertWebhooks.Client(fixture.Api);
        var form = new Dictionary<string, string>(OwnerAlertWebhooks.Form(first, "no-answer")) { ["Digits"] = "1" };
        var answerPath = first.ChoicePath.Replace("/choice?", "/answer?", StringComparison.Ordinal);

        foreach (var path in new[] { answerPath, first.ChoicePath, first.StatusPath })
        {
            var forged = TwilioSigner.Sign("not-the-platform-token", client.PublicUrl(path), form);
            using var withForged = await client.PostSignedAsync(path, form, forged);
            using var without = await client.PostSignedAsync(path, form, null);
            withForged.StatusCode.ShouldBe(HttpStatusCode.Forbidden, path);
            without.StatusCode.ShouldBe(HttpStatusCode.Forbidden, path);
        }

        var alert = await fixture.AlertAsync(business.TenantId, leadId);
        alert.State.ShouldBe(EmergencyAlertState.Calling);
        (await fixture.AttemptsAsync(business.TenantId, alert.Id)).ShouldHaveSingleItem().Status.ShouldBe("queued");
    }

    [Fact]
    public async Task The_answer_webhook_serves_the_same_prompt()
    {
        var business = await fixture.BusinessAsync();
        await fixture.UrgentLeadAsync(business);
        var first = await fixture.CallToAsync(business.First);

        using var answer = await OwnerAlertWebhooks.Client(fixture.Api).PostAsync(first.ChoicePath.Replace("/choice?", "/answer?", StringComparison.Ordinal), OwnerAlertWebhooks.Form(first));

        answer.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await answer.Content.ReadAsStringAsync()).ShouldBe(first.Request.Twiml);
    }
}
