using SmbAgent.TestKit.Stubs;
using SmbAgent.TestKit.Twilio;

namespace SmbAgent.HttpApi.Tests.Voice;

/// <summary>What Twilio posts to the alert call's webhooks, signed with the platform account's token: the key the owner pressed, the call's progress.</summary>
public static class OwnerAlertWebhooks
{
    public static TwilioWebhookClient Client(ApiFixture api) => TwilioWebhookClient.For(api.Factory, TwilioStubServer.AccountSid, TwilioStubServer.AuthToken);

    public static Dictionary<string, string> Form(OwnerCall call, string status = "in-progress") => new(StringComparer.Ordinal)
    {
        ["AccountSid"] = TwilioStubServer.AccountSid,
        ["ApiVersion"] = "2010-04-01",
        ["CallSid"] = "CA" + Guid.NewGuid().ToString("N"),
        ["CallStatus"] = status,
        ["Direction"] = "outbound-api",
        ["From"] = TwilioStubServer.FromNumber,
        ["To"] = call.Request.To,
    };

    public static Task<HttpResponseMessage> PressAsync(ApiFixture api, OwnerCall call, string digits, string? path = null) =>
        Client(api).PostAsync(path ?? call.ChoicePath, new Dictionary<string, string>(Form(call)) { ["Digits"] = digits });

    public static Task<HttpResponseMessage> StatusAsync(ApiFixture api, OwnerCall call, string status, string? path = null) =>
        Client(api).PostAsync(path ?? call.StatusPath, Form(call, status));
}
