using System.Net;
using SmbAgent.TestKit.Twilio;

namespace SmbAgent.HttpApi.Tests.Voice;

/// <summary>The webhooks' limits per caller and per number, counted only for requests whose signature held.</summary>
public sealed class TwilioWebhookRateLimitTests : IAsyncLifetime
{
    private readonly VoiceApiFixture fixture = new()
    {
        Overrides =
        {
            ["RateLimits:VoiceWebhooksPerMinutePerCaller"] = "2",
            ["RateLimits:VoiceWebhooksPerMinutePerNumber"] = "3",
        },
    };

    public Task InitializeAsync() => fixture.InitializeAsync();

    public Task DisposeAsync() => fixture.DisposeAsync();

    [Fact]
    public async Task Forged_posts_use_up_nothing_and_signed_ones_are_limited_per_caller_and_per_number()
    {
        var webhooks = fixture.PlatformWebhooks();
        var number = TestPhoneLines.NewNumber();
        var form = webhooks.CallForm(TwilioSigner.NewSid("CA"), "+15550002001", number);
        for (var i = 0; i < 5; i++)
        {
            (await webhooks.PostSignedAsync("/api/voice/fallback", form, "forged")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        (await webhooks.PostAsync("/api/voice/fallback", form)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await webhooks.PostAsync("/api/voice/fallback", form)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var overCaller = await webhooks.PostAsync("/api/voice/fallback", form);
        overCaller.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        overCaller.Headers.RetryAfter.ShouldNotBeNull();

        // Another caller to the same number has one left of the number's three (the refused one took none).
        var other = webhooks.CallForm(TwilioSigner.NewSid("CA"), "+15550002002", number);
        (await webhooks.PostAsync("/api/voice/fallback", other)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await webhooks.PostAsync("/api/voice/fallback", other)).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);

        // Another number is not affected.
        (await webhooks.PostAsync("/api/voice/fallback", webhooks.CallForm(TwilioSigner.NewSid("CA"), "+15550002003", TestPhoneLines.NewNumber())))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
