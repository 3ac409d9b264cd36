using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SmbAgent.Notifications.Sms;

namespace SmbAgent.Application.Tests.Notifications.Sms;

/// <summary><c>AddSms</c>: off without an account, checked at start with one.</summary>
public sealed class SmsRegistrationTests : IAsyncLifetime
{
    private SmsHarness harness = null!;

    public async Task InitializeAsync() => harness = await SmsHarness.StartAsync();

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task Without_an_account_sid_sms_is_off_and_says_so_without_calling_twilio()
    {
        var services = harness.Build(new Dictionary<string, string?> { ["Twilio:BaseUrl"] = harness.Stub.BaseUrl.AbsoluteUri });
        services.GetRequiredService<IStartupValidator>().Validate();
        var sender = services.GetRequiredService<ISmsSender>();

        sender.IsConfigured.ShouldBeFalse();
        var error = await Should.ThrowAsync<SmsPermanentFailureException>(() => sender.SendAsync("+14155550123", "New lead"));
        error.Message.ShouldContain("SMS is not configured");
        harness.Stub.Requests.ShouldBeEmpty();
    }

    [Fact]
    public void An_account_without_token_or_sender_fails_the_start_naming_the_settings()
    {
        var services = harness.Build(new Dictionary<string, string?> { ["Twilio:AccountSid"] = "AC0123456789abcdef0123456789abcdef" });

        var error = Should.Throw<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        error.Failures.ShouldContain(failure => failure.Contains("Twilio:AuthToken", StringComparison.Ordinal));
        error.Failures.ShouldContain(failure => failure.Contains("Twilio:FromNumber or Twilio:MessagingServiceSid", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Twilio:AccountSid", "AC123/../../Other")]
    [InlineData("Twilio:MessagingServiceSid", "not-a-service")]
    [InlineData("Twilio:AttemptTimeout", "00:00:00")]
    [InlineData("Twilio:MaxRetryAttempts", "-1")]
    public void A_malformed_setting_fails_the_start(string key, string value)
    {
        var services = harness.BuildServices(settings => settings[key] = value);

        var error = Should.Throw<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        error.Failures.ShouldContain(failure => failure.Contains(key, StringComparison.Ordinal));
    }

    [Fact]
    public void The_stubs_settings_pass_the_start_checks()
    {
        var services = harness.BuildServices();

        Should.NotThrow(() => services.GetRequiredService<IStartupValidator>().Validate());
        services.GetRequiredService<ISmsSender>().IsConfigured.ShouldBeTrue();
    }
}
