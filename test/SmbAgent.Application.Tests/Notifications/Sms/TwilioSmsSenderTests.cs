using System.Text;
using System.Text.RegularExpressions;
using SmbAgent.Notifications.Sms;
using SmbAgent.TestKit.Stubs;

namespace SmbAgent.Application.Tests.Notifications.Sms;

/// <summary>Sending through the real client and resilience pipeline to the Twilio stub: what goes over the wire and what comes back.</summary>
public sealed partial class TwilioSmsSenderTests : IAsyncLifetime
{
    private const string Owner = "+14155550123";

    private SmsHarness harness = null!;

    public async Task InitializeAsync() => harness = await SmsHarness.StartAsync();

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task The_message_is_posted_as_the_form_twilio_expects_with_basic_auth()
    {
        var sender = harness.CreateSender();

        var result = await sender.SendAsync(Owner, "New lead: boiler leak, call back today");

        sender.IsConfigured.ShouldBeTrue();
        var request = harness.Stub.Requests.ShouldHaveSingleItem();
        request.Path.ShouldBe($"/2010-04-01/Accounts/{TwilioStubServer.AccountSid}/Messages.json");
        request.Authorization.ShouldBe(
            "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{TwilioStubServer.AccountSid}:{TwilioStubServer.AuthToken}")));
        request.ContentType.ShouldNotBeNull().ShouldStartWith("application/x-www-form-urlencoded");
        request.Form.Keys.Order(StringComparer.Ordinal).ShouldBe(["Body", "From", "To"]);
        request.Form["To"].ShouldBe(Owner);
        request.Form["From"].ShouldBe(TwilioStubServer.FromNumber);
        request.Form["Body"].ShouldBe("New lead: boiler leak, call back today");

        var message = harness.Stub.Messages.ShouldHaveSingleItem();
        result.MessageSid.ShouldBe(message.Sid);
        MessageSid().IsMatch(message.Sid).ShouldBeTrue(message.Sid);
        result.Status.ShouldBe("queued");
        result.BodyTruncated.ShouldBeFalse();
    }

    [Fact]
    public async Task A_messaging_service_is_sent_instead_of_a_from_number()
    {
        var sender = harness.CreateSender(settings => settings["Twilio:FromNumber"] = TwilioStubServer.FromNumber, useMessagingService: true);

        var result = await sender.SendAsync(Owner, "New lead");

        var request = harness.Stub.Requests.ShouldHaveSingleItem();
        request.Form.Keys.Order(StringComparer.Ordinal).ShouldBe(["Body", "MessagingServiceSid", "To"]);
        request.Form["MessagingServiceSid"].ShouldBe(TwilioStubServer.MessagingServiceSid);
        result.Status.ShouldBe("accepted");
        harness.Stub.Messages.ShouldHaveSingleItem().MessagingServiceSid.ShouldBe(TwilioStubServer.MessagingServiceSid);
    }

    [Fact]
    public async Task A_body_of_exactly_1600_characters_is_sent_whole()
    {
        var body = new string('a', SmsLimits.MaxBodyLength);

        var result = await harness.CreateSender().SendAsync(Owner, body);

        result.BodyTruncated.ShouldBeFalse();
        harness.Stub.Messages.ShouldHaveSingleItem().Body.ShouldBe(body);
    }

    [Fact]
    public async Task A_longer_body_is_cut_at_a_word_with_ascii_dots_and_twilio_accepts_it()
    {
        var words = string.Join(' ', Enumerable.Range(0, 400).Select(i => $"word{i}"));
        words.Length.ShouldBeGreaterThan(SmsLimits.MaxBodyLength);

        var result = await harness.CreateSender().SendAsync(Owner, words);

        result.BodyTruncated.ShouldBeTrue();
        var sent = harness.Stub.Messages.ShouldHaveSingleItem().Body;
        sent.Length.ShouldBeLessThanOrEqualTo(SmsLimits.MaxBodyLength);
        sent.Length.ShouldBeGreaterThan(SmsLimits.MaxBodyLength - 40);
        sent.ShouldEndWith("...");
        var kept = sent[..^3];
        words.ShouldStartWith(kept);
        words[kept.Length].ShouldBe(' ', "the cut falls between words");
    }

    [Fact]
    public async Task Shortening_never_splits_an_emoji()
    {
        var body = new string('x', 1595) + "\U0001F6A8\U0001F6A8\U0001F6A8\U0001F6A8";

        await harness.CreateSender().SendAsync(Owner, body);

        var sent = harness.Stub.Messages.ShouldHaveSingleItem().Body;
        sent.ShouldBe(new string('x', 1595) + "\U0001F6A8...");
        Should.NotThrow(() => new UTF8Encoding(false, throwOnInvalidBytes: true).GetBytes(sent));
    }

    [GeneratedRegex("^SM[0-9a-f]{32}$")]
    private static partial Regex MessageSid();
}
