using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmbAgent.Data;
using SmbAgent.Twilio;
using SmbAgent.Voice.PhoneLines;

namespace SmbAgent.Voice.Calls;

/// <summary>A recording on its way from Twilio to the browser; disposing it closes Twilio's answer.</summary>
public sealed class RecordingDownload(HttpResponseMessage response, Stream content) : IDisposable
{
    public Stream Content { get; } = content;

    public string ContentType { get; } = response.Content.Headers.ContentType?.MediaType ?? "audio/mpeg";

    public long? Length { get; } = response.Content.Headers.ContentLength;

    public void Dispose()
    {
        Content.Dispose();
        response.Dispose();
    }
}

/// <summary>
/// Streams a call's recording from Twilio with the line's own credentials, so the auth token never reaches the browser.
/// The stored URL came from a webhook: only a recording of that line's account on Twilio's API host (or the configured
/// <c>Twilio:BaseUrl</c>) is fetched, never whatever address a row holds.
/// </summary>
public sealed partial class CallRecordingSource(
    ISmbAgentDbContext db,
    PhoneLineSecrets secrets,
    IHttpClientFactory httpClients,
    IOptions<TwilioOptions> twilio)
{
    public const string HttpClientName = "twilio-recordings";

    private static readonly Uri TwilioApi = new("https://api.twilio.com");

    /// <summary>Null when this business has no such call, the call no recording, or the recording can't be fetched safely.</summary>
    public async Task<RecordingDownload?> OpenAsync(Guid callId, CancellationToken cancellationToken = default)
    {
        var call = await db.CallLogs.AsNoTracking().Where(c => c.Id == callId)
            .Select(c => new { c.To, c.From, c.RecordingUrl })
            .FirstOrDefaultAsync(cancellationToken);
        if (call?.RecordingUrl is null || !Uri.TryCreate(call.RecordingUrl, UriKind.Absolute, out var url) || !IsTwilioHost(url) || url.Query.Length > 0)
        {
            return null;
        }

        var path = RecordingPath().Match(url.AbsolutePath);
        if (!path.Success)
        {
            return null;
        }

        var accountSid = path.Groups["account"].Value;
        var line = await db.PhoneLines.AsNoTracking()
            .Where(l => l.AccountSid == accountSid && (l.Number == call.To || l.Number == call.From))
            .Select(l => new { l.AccountSid, l.ProtectedAuthToken })
            .FirstOrDefaultAsync(cancellationToken);
        var token = line is null ? null : secrets.Unprotect(line.ProtectedAuthToken);
        if (token is null)
        {
            return null;
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url.GetLeftPart(UriPartial.Path) + ".mp3"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{line!.AccountSid}:{token}")));
        // Twilio may redirect the media to its storage: the address then comes from Twilio itself, and HttpClient drops
        // the Authorization header on a redirect, so the credentials go to Twilio's API host only.
        var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            response.Dispose();
            return null;
        }

        if (!response.IsSuccessStatusCode)
        {
            var status = (int)response.StatusCode;
            response.Dispose();
            throw new BusinessException("Calls:RecordingUnavailable", $"Twilio did not send the recording (HTTP {status}). Try again later.", 502);
        }

        return new RecordingDownload(response, await response.Content.ReadAsStreamAsync(cancellationToken));
    }

    /// <summary>Twilio's API host, or the configured <c>Twilio:BaseUrl</c>: the only origins a recording is fetched from.</summary>
    public bool IsTwilioHost(Uri url) => SameOrigin(url, TwilioApi) || SameOrigin(url, twilio.Value.BaseUrl);

    private static bool SameOrigin(Uri url, Uri origin) =>
        url.Scheme == origin.Scheme && string.Equals(url.IdnHost, origin.IdnHost, StringComparison.OrdinalIgnoreCase) && url.Port == origin.Port;

    [GeneratedRegex("^/2010-04-01/Accounts/(?<account>AC[0-9a-fA-F]{32})/Recordings/RE[0-9a-fA-F]{32}$")]
    private static partial Regex RecordingPath();
}
