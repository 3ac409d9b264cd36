namespace SmbAgent.Twilio;

/// <summary>
/// Outside the resilience pipeline: links the caller's token (<see cref="TwilioExchange"/>) to the request, records
/// the final answer, and reads its body within one attempt's time. The SDK would otherwise wait for a stalled body
/// without limit; an answer whose body never comes is handed on empty, so a 2xx still counts as accepted and is never
/// sent again.
/// </summary>
internal sealed class TwilioExchangeHandler(TimeSpan readTimeout) : DelegatingHandler
{
    private const string UnreadableSuccess = "{}";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var exchange = TwilioExchange.Current;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, exchange?.CallerCancellation ?? CancellationToken.None);
        var response = await base.SendAsync(request, linked.Token);
        exchange?.Answered(response);

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(linked.Token);
        limit.CancelAfter(readTimeout);
        try
        {
            await response.Content.LoadIntoBufferAsync(limit.Token);
        }
        catch (Exception e) when (e is HttpRequestException or IOException || (e is OperationCanceledException && !linked.IsCancellationRequested))
        {
            response.Content.Dispose();
            response.Content = new StringContent(response.IsSuccessStatusCode ? UnreadableSuccess : string.Empty);
        }

        return response;
    }
}
