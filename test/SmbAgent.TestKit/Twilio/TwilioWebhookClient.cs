using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SmbAgent.PublicUrls;

namespace SmbAgent.TestKit.Twilio;

/// <summary>
/// Posts webhooks to a test host as Twilio would: a form, signed for the URL as the configured public API address
/// names it (<c>PublicUrls:Api</c> plus path and query), whatever address the test client itself uses.
/// </summary>
public sealed class TwilioWebhookClient(HttpClient client, Uri publicApi, string accountSid, string authToken)
{
    public const string SignatureHeader = "X-Twilio-Signature";

    public HttpClient Client { get; } = client;

    public string AccountSid { get; } = accountSid;

    public static TwilioWebhookClient For<TEntryPoint>(WebApplicationFactory<TEntryPoint> factory, string accountSid, string authToken)
        where TEntryPoint : class =>
        new(factory.CreateClient(), factory.Services.GetRequiredService<IOptions<PublicUrlOptions>>().Value.Api, accountSid, authToken);

    /// <summary>The URL Twilio signs for <paramref name="pathAndQuery"/> (e.g. <c>/api/voice/status?x=1</c>).</summary>
    public string PublicUrl(string pathAndQuery) => $"{publicApi.AbsoluteUri.TrimEnd('/')}{pathAndQuery}";

    /// <summary>The form of a call's webhook, with this client's account; add the webhook's own fields to it.</summary>
    public Dictionary<string, string> CallForm(string callSid, string from, string to, string callStatus = "in-progress") => new(StringComparer.Ordinal)
    {
        ["AccountSid"] = AccountSid,
        ["ApiVersion"] = "2010-04-01",
        ["CallSid"] = callSid,
        ["CallStatus"] = callStatus,
        ["Direction"] = "inbound",
        ["From"] = from,
        ["To"] = to,
    };

    /// <summary>Signed correctly with this client's token.</summary>
    public Task<HttpResponseMessage> PostAsync(string pathAndQuery, IReadOnlyDictionary<string, string> form) =>
        PostSignedAsync(pathAndQuery, form, TwilioSigner.Sign(authToken, PublicUrl(pathAndQuery), form));

    /// <summary>With the given signature (null: no header), for the refusals.</summary>
    public async Task<HttpResponseMessage> PostSignedAsync(string pathAndQuery, IReadOnlyDictionary<string, string> form, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, pathAndQuery) { Content = new FormUrlEncodedContent(form) };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation(SignatureHeader, signature);
        }

        return await Client.SendAsync(request);
    }
}
