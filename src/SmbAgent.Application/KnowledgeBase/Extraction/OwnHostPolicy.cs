using Microsoft.Extensions.Options;
using SmbAgent.Notifications;

namespace SmbAgent.KnowledgeBase.Extraction;

/// <summary>
/// The app's own hosts (the admin at <see cref="NotificationOptions.AdminUrl"/>, the API at
/// <see cref="KnowledgeBaseOptions.ApiUrl"/>) are never fetched as knowledge: a business could otherwise index
/// pages that show other businesses' data (the development mail viewer). Only the sample site page is.
/// </summary>
public sealed class OwnHostPolicy(IOptions<NotificationOptions> notifications, IOptions<KnowledgeBaseOptions> knowledgeBase)
{
    public const string SampleSitePath = "/Dev/SampleSite";

    public bool IsRefused(Uri url) =>
        !url.AbsolutePath.Equals(SampleSitePath, StringComparison.OrdinalIgnoreCase)
        && OwnUrls().Any(own => SameAuthority(own, url));

    private IEnumerable<Uri> OwnUrls()
    {
        yield return notifications.Value.AdminUrl;
        if (knowledgeBase.Value.ApiUrl is { } api)
        {
            yield return api;
        }
    }

    // Loopback names and addresses all reach the same local host: localhost:5010 is 127.0.0.1:5010.
    private static bool SameAuthority(Uri own, Uri url) =>
        own.Port == url.Port
        && (string.Equals(own.IdnHost, url.IdnHost, StringComparison.OrdinalIgnoreCase) || (own.IsLoopback && url.IsLoopback));
}
