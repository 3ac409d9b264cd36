using System.Text;
using Microsoft.Extensions.Logging;
using SmbAgent.Notifications.Sms;
using SmbAgent.TestKit.Stubs;

namespace SmbAgent.Application.Tests.Notifications.Sms;

/// <summary>With every category at Trace, the SMS path logs the message SID and status but no credential, number or text.</summary>
public sealed class SmsLoggingTests : IAsyncLifetime
{
    private const string Owner = "+14155550123";
    private const string Text = "Emergency lead: gas smell at 12 Rose Street, call Ana Lima";

    private SmsHarness harness = null!;

    public async Task InitializeAsync() => harness = await SmsHarness.StartAsync();

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task Logs_carry_the_sid_and_status_but_never_the_token_the_number_or_the_text()
    {
        var sender = harness.CreateSender();
        harness.Stub.FailNext(1, 503);
        var sid = (await sender.SendAsync(Owner, Text)).MessageSid.ShouldNotBeNull();
        var refused = await Should.ThrowAsync<SmsPermanentFailureException>(() => sender.SendAsync("+1415555", Text));
        var wrongSender = harness.CreateSender(settings => settings["Twilio:FromNumber"] = "+15550001111");
        var notOwned = await Should.ThrowAsync<SmsPermanentFailureException>(() => wrongSender.SendAsync(Owner, Text));

        var logs = harness.Logs.Entries;
        logs.ShouldContain(entry => entry.Level == LogLevel.Information && entry.Text.Contains(sid, StringComparison.Ordinal)
            && entry.Text.Contains("queued", StringComparison.Ordinal));
        logs.ShouldContain(entry => entry.Level == LogLevel.Warning && entry.Text.Contains("21211", StringComparison.Ordinal));
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{TwilioStubServer.AccountSid}:{TwilioStubServer.AuthToken}"));
        string[] secrets = [TwilioStubServer.AuthToken, credentials, "4155550123", "1415555", "5550001111", "Rose Street", "gas smell"];
        foreach (var secret in secrets)
        {
            logs.ShouldNotContain(entry => entry.Text.Contains(secret, StringComparison.Ordinal), secret);
            refused.ToString().ShouldNotContain(secret);
            notOwned.ToString().ShouldNotContain(secret);
        }
    }
}
