using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;

namespace SmbAgent.KnowledgeBase.Extraction;

/// <summary>
/// Fetches a web page for a URL source: at most <see cref="KnowledgeBaseOptions.MaxPageBytes"/>, within
/// <see cref="KnowledgeBaseOptions.FetchTimeoutSeconds"/> in all, following at most
/// <see cref="KnowledgeBaseOptions.MaxRedirects"/> redirects by hand so every hop's address is checked
/// before anything connects to it.
/// </summary>
public sealed class UrlPageFetcher(IHttpClientFactory httpClientFactory, IOptions<KnowledgeBaseOptions> options, OwnHostPolicy ownHosts)
{
    public const string HttpClientName = "KnowledgeBase.Url";

    public const string OwnHostMessage = "This address is SmbAgent itself: add your business's own website instead.";

    public sealed record FetchedPage(Uri Url, string MediaType, string Body);

    /// <summary>
    /// The handler for <see cref="HttpClientName"/>: it connects to the address it has just resolved and checked,
    /// so a DNS answer that changes between the check and the connection (rebinding) can't reach a private host.
    /// </summary>
    public static SocketsHttpHandler CreateHandler(KnowledgeBaseOptions options) => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        UseProxy = false,
        AutomaticDecompression = DecompressionMethods.All,
        ConnectTimeout = TimeSpan.FromSeconds(options.FetchTimeoutSeconds),
        ConnectCallback = (context, cancellationToken) => UrlAddressPolicy.ConnectAsync(context.DnsEndPoint, options.AllowLoopbackUrls, cancellationToken),
    };

    public static Uri ParseUrl(string url) =>
        Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new KnowledgeContentException("Only http:// and https:// addresses can be fetched.");

    public async Task<FetchedPage> FetchAsync(string url, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.FetchTimeoutSeconds));
        var client = httpClientFactory.CreateClient(HttpClientName);
        var uri = ParseUrl(url);
        try
        {
            for (var hop = 0; ; hop++)
            {
                if (ownHosts.IsRefused(uri))
                {
                    throw new KnowledgeContentException(OwnHostMessage);
                }

                // Checked here for a clear message before anything connects; the handler checks again as it connects.
                await UrlAddressPolicy.ResolveAsync(uri.IdnHost, settings.AllowLoopbackUrls, timeout.Token);
                using var request = new HttpRequestMessage(HttpMethod.Get, uri);
                request.Headers.UserAgent.Add(new ProductInfoHeaderValue("SmbAgent-KnowledgeBase", "1.0"));
                request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,text/plain;q=0.9");
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);

                if (IsRedirect(response.StatusCode))
                {
                    if (hop >= settings.MaxRedirects)
                    {
                        throw new KnowledgeContentException($"The page redirected more than {settings.MaxRedirects} times.");
                    }

                    var location = response.Headers.Location ?? throw new KnowledgeContentException("The page redirected without saying where to.");
                    uri = ParseUrl(new Uri(uri, location).AbsoluteUri);
                    continue;
                }

                if (!response.IsSuccessStatusCode)
                {
                    throw new KnowledgeContentException($"The page answered {(int)response.StatusCode} {response.ReasonPhrase}.");
                }

                var mediaType = response.Content.Headers.ContentType?.MediaType ?? "text/html";
                if (mediaType is not ("text/html" or "application/xhtml+xml" or "text/plain"))
                {
                    throw new KnowledgeContentException($"The address is not a web page ({mediaType}); upload PDFs as files.");
                }

                var body = await ReadLimitedAsync(response, settings.MaxPageBytes, timeout.Token);
                return new FetchedPage(uri, mediaType, body);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new KnowledgeContentException($"The page did not answer within {settings.FetchTimeoutSeconds} seconds.");
        }
        catch (HttpRequestException e)
        {
            throw FindContentException(e) ?? new KnowledgeContentException($"The page could not be reached: {e.Message}", e);
        }
    }

    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    /// <summary>Reads at most <paramref name="maxBytes"/>; stops reading (and refuses the page) beyond it, whatever Content-Length claims.</summary>
    private static async Task<string> ReadLimitedAsync(HttpResponseMessage response, int maxBytes, CancellationToken cancellationToken)
    {
        var tooLarge = new KnowledgeContentException($"The page is larger than {maxBytes / 1024} KB; reading stopped there.");
        if (response.Content.Headers.ContentLength > maxBytes)
        {
            throw tooLarge;
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[maxBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }

        if (length > maxBytes)
        {
            throw tooLarge;
        }

        return Encoding(response).GetString(buffer, 0, length);
    }

    private static Encoding Encoding(HttpResponseMessage response)
    {
        try
        {
            return response.Content.Headers.ContentType?.CharSet is { Length: > 0 } charset
                ? System.Text.Encoding.GetEncoding(charset.Trim('"'))
                : System.Text.Encoding.UTF8;
        }
        catch (ArgumentException)
        {
            return System.Text.Encoding.UTF8;
        }
    }

    private static KnowledgeContentException? FindContentException(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is KnowledgeContentException content)
            {
                return content;
            }
        }

        return null;
    }
}
