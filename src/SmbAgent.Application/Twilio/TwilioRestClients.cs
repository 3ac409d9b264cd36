using Microsoft.Extensions.Options;
using Twilio.Clients;
using Twilio.Http;

namespace SmbAgent.Twilio;

/// <summary>
/// The SDK's REST clients over our named HTTP client (resilience, base address, redacted logging), so SMS, calls and
/// look-ups share one pipeline. A client is cheap: one per request, as the HTTP client factory recommends.
/// </summary>
public sealed class TwilioRestClients(IHttpClientFactory httpClients, IOptions<TwilioOptions> options)
{
    public const string HttpClientName = "Twilio";

    /// <summary>The platform's account from <see cref="TwilioOptions"/>: owner alerts by SMS and by call.</summary>
    public ITwilioRestClient Platform()
    {
        var settings = options.Value;
        if (!settings.IsConfigured)
        {
            throw new InvalidOperationException("No Twilio account is configured (Twilio:AccountSid).");
        }

        return For(settings.AccountSid!, settings.AuthToken!);
    }

    /// <summary>Any account, e.g. a business's own credentials for "test my setup".</summary>
    public ITwilioRestClient For(string accountSid, string authToken) =>
        new TwilioRestClient(accountSid, authToken, httpClient: new SystemNetHttpClient(httpClients.CreateClient(HttpClientName)));
}
