using System.Net;
using Microsoft.Extensions.Options;
using SmbAgent.KnowledgeBase.Extraction;

namespace SmbAgent.Webhooks;

/// <summary>
/// Where a webhook may be sent: the knowledge base's public-addresses-only rule (<see cref="UrlAddressPolicy"/>), over
/// https unless the development option allows http, never to SmbAgent's own hosts. Checked when a subscription is
/// saved and again, with a fresh DNS answer, by the handler as each delivery connects.
/// </summary>
public sealed class WebhookTargetPolicy(IOptions<WebhookOptions> options, OwnHostPolicy ownHosts)
{
    /// <summary>The problem with <paramref name="url"/> as typed, or null when it may be saved (names are resolved at delivery).</summary>
    public string? Problem(string? url)
    {
        if (!Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return "Enter a full address starting with https://.";
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !options.Value.AllowHttpTargets)
        {
            return "Use an https:// address: webhooks carry your customers' details and go out encrypted only.";
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return "Leave user names and passwords out of the address; check the signature instead.";
        }

        var allowLoopback = options.Value.AllowLoopbackTargets;
        var allowed = uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6
            ? UrlAddressPolicy.IsAllowed(IPAddress.Parse(uri.DnsSafeHost), allowLoopback)
            : allowLoopback || !uri.IsLoopback;
        if (!allowed || uri.Host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
        {
            return $"The address {uri.Host.Trim('[', ']')} is not allowed: webhooks go to public web addresses only.";
        }

        return ownHosts.IsRefused(uri) ? "This address is SmbAgent itself: enter your own system's address." : null;
    }
}
