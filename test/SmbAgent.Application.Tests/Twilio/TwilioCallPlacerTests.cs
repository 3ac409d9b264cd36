using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.TestKit.Stubs;
using SmbAgent.Twilio;
using Twilio.TwiML;
using Gather = Twilio.TwiML.Voice.Gather;

namespace SmbAgent.Application.Tests.Twilio;

/// <summary>Placing a call through the SDK's Calls API and our HTTP pipeline to the Twilio stub: the form Twilio sees, refusals, retries.</summary>
public sealed partial class TwilioCallPlacerTests : IAsyncLifetime
{
    private const string Owner = "+14155550123";

    private static readonly Uri StatusCallback = new("https://agent.example.com/api/voice/owner-alert/status?alert=42");

    private TwilioHarness harness = null!;

    public async Task InitializeAsync() => harness = await TwilioHarness.StartAsync();

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task A_call_is_posted_with_the_twiml_the_status_callback_and_the_ring_timeout_with_basic_auth()
    {
        var twiml = AlertTwiml("Rose & Sons <Plumbing>");

        var placed = await harness.CreatePlacer().PlaceAsync(new OutboundCallRequest(Guid.NewGuid(), Owner, twiml, StatusCallback, TimeSpan.FromSeconds(25)));

        var request = harness.Stub.Requests.ShouldHaveSingleItem();
        request.Path.ShouldBe($"/2010-04-01/Accounts/{TwilioStubServer.AccountSid}/Calls.json");
        request.Authorization.ShouldBe(
            "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{TwilioStubServer.AccountSid}:{TwilioStubServer.AuthToken}")));
        request.ContentType.ShouldNotBeNull().ShouldStartWith("application/x-www-form-urlencoded");
        request.Form["StatusCallbackEvent"].ShouldBe("initiated,ringing,answered,completed");
        var call = harness.Stub.Calls.ShouldHaveSingleItem();
        call.To.ShouldBe(Owner);
        call.From.ShouldBe(TwilioStubServer.FromNumber);
        call.Twiml.ShouldBe(twiml);
        call.StatusCallback.ShouldBe(StatusCallback.AbsoluteUri);
        call.Timeout.ShouldBe(25);
        placed.CallSid.ShouldBe(call.Sid);
        CallSid().IsMatch(placed.CallSid).ShouldBeTrue(placed.CallSid);
        placed.Status.ShouldBe("queued");
    }

    [Fact]
    public async Task A_call_refused_by_twilio_is_a_permanent_failure_and_is_not_retried()
    {
        harness.Stub.FailNext(1, 400);

        var error = await Should.ThrowAsync<OutboundCallPermanentFailureException>(() => PlaceAsync(harness.CreatePlacer()));

        error.HttpStatusCode.ShouldBe(400);
        error.ErrorCode.ShouldBe(20400);
        harness.Stub.Requests.Count.ShouldBe(1);
        harness.Stub.Calls.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_invalid_number_is_refused_with_twilios_code_and_without_the_number()
    {
        var error = await Should.ThrowAsync<OutboundCallPermanentFailureException>(() => PlaceAsync(harness.CreatePlacer(), "+1555"));

        error.ErrorCode.ShouldBe(21211);
        error.MoreInfo.ShouldBe(new Uri("https://www.twilio.com/docs/errors/21211"));
        error.Message.ShouldNotContain("1555");
        harness.Logs.Entries.ShouldNotContain(entry => entry.Text.Contains("1555", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_503_is_retried_and_the_call_is_placed_once()
    {
        harness.Stub.FailNext(1, 503);

        var placed = await PlaceAsync(harness.CreatePlacer());

        harness.Stub.Requests.Count.ShouldBe(2);
        harness.Stub.Calls.ShouldHaveSingleItem().Sid.ShouldBe(placed.CallSid);
    }

    [Fact]
    public async Task A_500_is_a_transient_failure_that_may_have_placed_the_call()
    {
        harness.Stub.FailNext(1, 500);

        var error = await Should.ThrowAsync<OutboundCallTransientFailureException>(() => PlaceAsync(harness.CreatePlacer()));

        error.HttpStatusCode.ShouldBe(500);
        error.MayHaveBeenPlaced.ShouldBeTrue();
        harness.Stub.Requests.Count.ShouldBe(1, "a second POST could ring the owner twice");
    }

    [Fact]
    public async Task An_answer_that_stalls_after_201_is_reported_as_placed_and_not_sent_again()
    {
        var placer = harness.CreatePlacer(settings => settings["Twilio:AttemptTimeout"] = "00:00:02");
        harness.Stub.StallAnswerNext(1, TimeSpan.FromSeconds(15));

        var error = await Should.ThrowAsync<OutboundCallTransientFailureException>(() => PlaceAsync(placer));

        error.MayHaveBeenPlaced.ShouldBeTrue();
        error.HttpStatusCode.ShouldBe(201);
        harness.Stub.Requests.Count.ShouldBe(1);
        harness.Stub.Calls.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Without_an_account_no_call_is_placed_and_the_failure_says_why()
    {
        var placer = harness.BuildServices(settings => settings["Twilio:AccountSid"] = null).GetRequiredService<IOutboundCallPlacer>();

        var error = await Should.ThrowAsync<OutboundCallPermanentFailureException>(() => PlaceAsync(placer));

        error.Message.ShouldContain("Calls are not configured");
        harness.Stub.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_stub_lets_a_test_wait_for_the_call_it_expects()
    {
        var placer = harness.CreatePlacer();
        var waiting = harness.Stub.WaitForCallAsync(call => call.To == Owner, TimeSpan.FromSeconds(10));
        waiting.IsCompleted.ShouldBeFalse();

        var placed = await PlaceAsync(placer);

        (await waiting).Sid.ShouldBe(placed.CallSid);
        await Should.ThrowAsync<TimeoutException>(() => harness.Stub.WaitForCallAsync(call => call.To == "+14155550199", TimeSpan.FromMilliseconds(200)));
    }

    private static Task<PlacedCall> PlaceAsync(IOutboundCallPlacer placer, string to = Owner) =>
        placer.PlaceAsync(new OutboundCallRequest(null, to, AlertTwiml("Rose Plumbing"), StatusCallback, TimeSpan.FromSeconds(20)));

    private static string AlertTwiml(string business)
    {
        var response = new VoiceResponse();
        var gather = new Gather(numDigits: 1, action: new Uri("https://agent.example.com/api/voice/owner-alert/choice"));
        gather.Say($"Emergency at {business}. Press 1 to acknowledge.");
        return response.Append(gather).ToString();
    }

    [GeneratedRegex("^CA[0-9a-f]{32}$")]
    private static partial Regex CallSid();
}
