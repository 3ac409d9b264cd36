namespace SmbAgent.Twilio;

/// <summary>
/// The SDK builds every address on <c>api.twilio.com</c>; this points its scheme, host and port at
/// <see cref="TwilioOptions.BaseUrl"/>, so tests and development reach the local stub through the same client.
/// </summary>
internal sealed class TwilioBaseUrlHandler(Uri baseUrl) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { IsAbsoluteUri: true } uri)
        {
            request.RequestUri = new UriBuilder(uri) { Scheme = baseUrl.Scheme, Host = baseUrl.Host, Port = baseUrl.Port }.Uri;
        }

        return base.SendAsync(request, cancellationToken);
    }
}
