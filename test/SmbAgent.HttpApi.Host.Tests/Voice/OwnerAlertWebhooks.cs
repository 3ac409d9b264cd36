using SmbAgent.TestKit.Stubs;

namespace SmbAgent.HttpApi.Tests.Voice;

/// <summary>What Twilio posts to the alert call's webhooks: the key the owner pressed, the call's progress.</summary>
public static class OwnerAlertWebhooks
{
    public static Task<HttpResponseMessage> PressAsync(ApiFixture api, OwnerCall call, string digits, string? path = null) =>
        PostAsync(api, path ?? call.ChoicePath, new Dictionary<string, string>
        {
            ["AccountSid"] = TwilioStubServer.AccountSid,
            ["CallSid"] = "CA" + Guid.NewGuid().ToString("N"),
            ["CallStatus"] = "in-progress",
            ["Digits"] = digits,
            ["To"] = call.Request.To,
        });

    public static Task<HttpResponseMessage> StatusAsync(ApiFixture api, OwnerCall call, string status) =>
        PostAsync(api, call.StatusPath, new Dictionary<string, string>
        {
            ["AccountSid"] = TwilioStubServer.AccountSid,
            ["CallSid"] = "CA" + Guid.NewGuid().ToString("N"),
            ["CallStatus"] = status,
            ["To"] = call.Request.To,
        });

    public static async Task<HttpResponseMessage> PostAsync(ApiFixture api, string pathAndQuery, IReadOnlyDictionary<string, string> form)
    {
        using var content = new FormUrlEncodedContent(form);
        return await api.Factory.CreateClient().PostAsync(pathAndQuery, content);
    }
}
