using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;
using SmbAgent.KnowledgeBase.Extraction;

namespace SmbAgent.Webhooks;

/// <summary>
/// POSTs one signed payload. No redirect is followed (a 3xx is a failure), the whole attempt has
/// <see cref="WebhookOptions.AttemptTimeout"/>, and the handler connects only to the address it has just resolved and
/// checked, so a name that now points at a private host (DNS rebinding) is refused as it connects.
/// </summary>
public sealed class WebhookSender(IHttpClientFactory httpClientFactory, IOptions<WebhookOptions> options, TimeProvider clock)
{
    public const string HttpClientName = "Webhooks";

    public sealed record Result(bool Succeeded, int? StatusCode, string? Error);

    public static SocketsHttpHandler CreateHandler(WebhookOptions options) => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        UseProxy = false,
        ConnectTimeout = options.AttemptTimeout,
        ConnectCallback = (context, cancellationToken) => UrlAddressPolicy.ConnectAsync(context.DnsEndPoint, options.AllowLoopbackTargets, cancellationToken),
    };

    public async Task<Result> SendAsync(Uri url, string secret, Guid eventId, string body, CancellationToken cancellationToken)
    {
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        var id = eventId.ToString();
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("SmbAgent-Webhooks", "1.0"));
        request.Headers.Add(WebhookSignature.IdHeader, id);
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Compute(secret, id, timestamp, body));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.AttemptTimeout);
        try
        {
            using var response = await httpClientFactory.CreateClient(HttpClientName)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            return response.IsSuccessStatusCode
                ? new Result(true, status, null)
                : new Result(false, status, status is >= 300 and < 400
                    ? $"The endpoint answered {status} (a redirect): redirects are not followed, so enter the final address."
                    : $"The endpoint answered {status} {response.ReasonPhrase}.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new Result(false, null, $"The endpoint did not answer within {options.Value.AttemptTimeout.TotalSeconds:0.#} seconds.");
        }
        catch (HttpRequestException e)
        {
            return new Result(false, null, Refusal(e) ?? $"The endpoint could not be reached: {e.Message}");
        }
    }

    private static string? Refusal(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is KnowledgeContentException refused)
            {
                return refused.Message;
            }
        }

        return null;
    }
}
