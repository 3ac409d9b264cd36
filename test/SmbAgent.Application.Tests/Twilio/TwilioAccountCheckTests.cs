using SmbAgent.TestKit.Stubs;
using SmbAgent.Twilio;

namespace SmbAgent.Application.Tests.Twilio;

/// <summary>"Test my setup" against the Twilio stub's incoming numbers, with the credentials the owner typed.</summary>
public sealed class TwilioAccountCheckTests : IAsyncLifetime
{
    private const string Line = "+14155550100";

    private static readonly Uri Webhook = new("https://agent.example.com/api/voice/incoming");

    private TwilioHarness harness = null!;

    public async Task InitializeAsync()
    {
        harness = await TwilioHarness.StartAsync();
        harness.Stub.AddIncomingNumber(Line, Webhook);
        harness.Stub.AddIncomingNumber("+14155550101", null);
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task A_number_on_the_account_passes_with_where_its_calls_go()
    {
        var result = await harness.CreateAccountCheck().CheckAsync(TwilioStubServer.AccountSid, TwilioStubServer.AuthToken, Line);

        result.Passed.ShouldBeTrue(result.Problem);
        result.VoiceUrl.ShouldBe(Webhook);
        var request = harness.Stub.Requests.ShouldHaveSingleItem();
        request.Path.ShouldBe($"/2010-04-01/Accounts/{TwilioStubServer.AccountSid}/IncomingPhoneNumbers.json");
        harness.Logs.Entries.ShouldNotContain(entry => entry.Text.Contains("4155550100", StringComparison.Ordinal), "the number asked about is personal data");
        harness.Logs.Entries.ShouldNotContain(entry => entry.Text.Contains(TwilioStubServer.AuthToken, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_wrong_auth_token_is_reported_as_refused_credentials()
    {
        var result = await harness.CreateAccountCheck().CheckAsync(TwilioStubServer.AccountSid, "not-the-token", Line);

        result.Passed.ShouldBeFalse();
        result.Problem.ShouldBe(TwilioAccountCheck.CredentialsRefused);
    }

    [Fact]
    public async Task A_number_that_is_not_on_the_account_is_reported()
    {
        var result = await harness.CreateAccountCheck().CheckAsync(TwilioStubServer.AccountSid, TwilioStubServer.AuthToken, "+14155550199");

        result.Problem.ShouldBe(TwilioAccountCheck.NumberNotOnAccount);
        result.VoiceUrl.ShouldBeNull();
    }

    [Fact]
    public async Task An_outage_is_reported_as_temporary()
    {
        harness.Stub.FailNext(3, 503);

        var result = await harness.CreateAccountCheck().CheckAsync(TwilioStubServer.AccountSid, TwilioStubServer.AuthToken, Line);

        result.Problem.ShouldBe(TwilioAccountCheck.TwilioUnavailable);
    }

    [Fact]
    public async Task A_malformed_account_sid_never_reaches_twilio()
    {
        var result = await harness.CreateAccountCheck().CheckAsync("AC123/../../Other", TwilioStubServer.AuthToken, Line);

        result.Problem.ShouldBe(TwilioAccountCheck.MalformedAccountSid);
        harness.Stub.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task In_development_outbox_mode_the_development_account_passes_without_a_request()
    {
        var check = harness.CreateAccountCheck(settings => settings["Twilio:DevelopmentOutbox"] = "true");

        var result = await check.CheckAsync(TwilioStubServer.AccountSid, TwilioStubServer.AuthToken, "+14155550199");
        var otherToken = await check.CheckAsync(TwilioStubServer.AccountSid, "not-the-token", Line);

        result.Passed.ShouldBeTrue();
        harness.Stub.Requests.Count.ShouldBe(1, "only the check with another token asked Twilio");
        otherToken.Problem.ShouldBe(TwilioAccountCheck.CredentialsRefused);
    }
}
