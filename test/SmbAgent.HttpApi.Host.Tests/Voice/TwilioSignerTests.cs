using SmbAgent.TestKit.Twilio;
using Twilio.Security;

namespace SmbAgent.HttpApi.Tests.Voice;

/// <summary>The kit's signer signs what the SDK's validator accepts, and nothing else: the webhook tests rest on it.</summary>
public sealed class TwilioSignerTests
{
    private const string Token = "12345678901234567890123456789012";

    [Fact]
    public void The_documented_example_matches_twilios_published_signature()
    {
        // Twilio's own example from "Webhooks security" (token, URL, form, expected signature).
        var form = new Dictionary<string, string>
        {
            ["CallSid"] = "CA1234567890ABCDE",
            ["Caller"] = "+12349013030",
            ["Digits"] = "1234",
            ["From"] = "+12349013030",
            ["To"] = "+18005551212",
        };
        TwilioSigner.Sign("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", form).ShouldBe("0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
    }

    [Fact]
    public void Validator_accepts_the_signature_and_refuses_it_for_any_other_url_field_or_token()
    {
        var url = "https://api.example.test/api/voice/gather?turn=3";
        var form = new Dictionary<string, string>
        {
            ["AccountSid"] = TwilioSigner.NewSid("AC"),
            ["CallSid"] = TwilioSigner.NewSid("CA"),
            ["SpeechResult"] = "My basement is flooding & it's <urgent> — help! ¿Hay alguien?",
            ["Confidence"] = "0.93",
            ["To"] = "+15005550100",
            ["From"] = "+15551234567",
            ["a"] = string.Empty,
            ["B"] = "upper case sorts first, ordinally",
        };
        var signature = TwilioSigner.Sign(Token, url, form);
        var validator = new RequestValidator(Token);

        validator.Validate(url, form, signature).ShouldBeTrue();
        validator.Validate("http://api.example.test/api/voice/gather?turn=3", form, signature).ShouldBeFalse();
        validator.Validate(url, new Dictionary<string, string>(form) { ["To"] = "+15005550101" }, signature).ShouldBeFalse();
        new RequestValidator("another-token-0123456789abcdef01").Validate(url, form, signature).ShouldBeFalse();
    }
}
