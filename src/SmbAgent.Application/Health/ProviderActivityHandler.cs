namespace SmbAgent.Health;

/// <summary>Reports each request of an HTTP client (Twilio's) to <see cref="ProviderActivity"/>, outside its retries.</summary>
public sealed class ProviderActivityHandler(ProviderActivity activity, string provider) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            activity.RecordFailure(provider, e.GetType().Name);
            throw;
        }

        // A 4xx is the provider answering (a wrong number, a missing resource): it is up. Only 5xx counts against it.
        if ((int)response.StatusCode >= 500)
        {
            activity.RecordFailure(provider, $"HTTP {(int)response.StatusCode}");
        }
        else
        {
            activity.RecordSuccess(provider);
        }

        return response;
    }
}
