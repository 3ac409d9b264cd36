using System.Net;
using System.Xml.Linq;
using SmbAgent.Notifications;

namespace SmbAgent.HttpApi.Tests.Voice;

/// <summary>The ladder driven by the alert call's webhooks alone: the acknowledge timeout is far away.</summary>
public sealed class OwnerAlertWebhookTests(SlowLadderFixture fixture) : IClassFixture<SlowLadderFixture>
{
    [Fact]
    public async Task A_no_answer_rings_the_next_contact_at_once_and_a_duplicate_status_does_not_ring_another()
    {
        var business = await fixture.BusinessAsync();
        var leadId = await fixture.UrgentLeadAsync(business);
        var first = await fixture.CallToAsync(business, OwnerAlertFixture.FirstContact);

        using var ringing = await OwnerAlertWebhooks.StatusAsync(fixture.Api, first, "ringing");
        using var noAnswer = await OwnerAlertWebhooks.StatusAsync(fixture.Api, first, "no-answer");
        var second = await fixture.CallToAsync(business, OwnerAlertFixture.SecondContact);
        using var again = await OwnerAlertWebhooks.StatusAsync(fixture.Api, first, "no-answer");
        using var answered = await OwnerAlertWebhooks.StatusAsync(fixture.Api, second, "in-progress");

        ringing.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        noAnswer.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        again.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var alert = await fixture.AlertAsync(business.TenantId, leadId);
        alert.State.ShouldBe(EmergencyAlertState.Calling);
        (alert.Round, alert.ContactIndex).ShouldBe((1, 1));
        var attempts = await fixture.AttemptsAsync(business.TenantId, alert.Id);
        attempts.Select(a => (a.Recipient, a.Status)).ShouldBe([(OwnerAlertFixture.FirstContact, "no-answer"), (OwnerAlertFixture.SecondContact, "in-progress")]);
        attempts[1].AnsweredTime.ShouldNotBeNull();
        fixture.Calls.Calls.Count(c => c.To == OwnerAlertFixture.SecondContact && c.TenantId == business.TenantId).ShouldBe(1);
    }

    [Fact]
    public async Task Pressing_2_connects_the_owner_to_the_visitor_and_never_to_a_number_the_visitor_typed_in_their_answer()
    {
        var business = await fixture.BusinessAsync();
        var leadId = await fixture.UrgentLeadAsync(business, problem: "Pipe burst, please call my landlord at +1 212 555 0199 instead");
        var first = await fixture.CallToAsync(business, OwnerAlertFixture.FirstContact);

        using var pressed = await OwnerAlertWebhooks.PressAsync(fixture.Api, first, "2");

        var twiml = XDocument.Parse(await pressed.Content.ReadAsStringAsync());
        twiml.Descendants("Dial").Single().Value.ShouldBe("+14155550188");
        var alert = await fixture.AlertAsync(business.TenantId, leadId);
        alert.State.ShouldBe(EmergencyAlertState.Acknowledged);
        alert.AcknowledgedBy.ShouldBe("Ana");
        alert.AcknowledgedChannel.ShouldBe("connect");
        (await fixture.AttemptsAsync(business.TenantId, alert.Id)).ShouldHaveSingleItem().Status.ShouldBe("connected");
        fixture.Calls.Calls.Where(c => c.TenantId == business.TenantId).Select(c => c.To).ShouldAllBe(to => to == OwnerAlertFixture.FirstContact);
        first.Said.ShouldContain("reports: Pipe burst, please call my landlord");
    }

    [Fact]
    public async Task Another_key_hears_the_prompt_once_more_then_goodbye()
    {
        var business = await fixture.BusinessAsync();
        var leadId = await fixture.UrgentLeadAsync(business);
        var first = await fixture.CallToAsync(business, OwnerAlertFixture.FirstContact);

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
        var first = await fixture.CallToAsync(business, OwnerAlertFixture.FirstContact);
        var token = first.ChoiceUrl.Query["?a=".Length..];
        var forged = token[..^4] + (token[^4..] == "AAAA" ? "BBBB" : "AAAA");

        using var choice = await OwnerAlertWebhooks.PressAsync(fixture.Api, first, "1", $"/api/voice/owner-alert/choice?a={forged}");
        using var status = await OwnerAlertWebhooks.PostAsync(fixture.Api, $"/api/voice/owner-alert/status?a={forged}", new Dictionary<string, string> { ["CallStatus"] = "no-answer" });
        using var missing = await OwnerAlertWebhooks.PostAsync(fixture.Api, "/api/voice/owner-alert/status", new Dictionary<string, string> { ["CallStatus"] = "no-answer" });

        choice.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        status.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
