using Microsoft.Extensions.Options;
using SmbAgent.PublicUrls;

namespace SmbAgent.KnowledgeBase.Extraction;

/// <summary>
/// The app's own hosts (<see cref="PublicUrlOptions.Admin"/> and <see cref="PublicUrlOptions.Api"/>) are never fetched as knowledge: a business could otherwise index
/// pages that show other businesses' data (the development mail viewer). Only the sample site page is.
/// </summary>
public sealed class OwnHostPolicy(IOptions<PublicUrlOptions> publicUrls)
{
    public const string SampleSitePath = "/Dev/SampleSite";

    public bool IsRefused(Uri url) =>
        !url.AbsolutePath.Equals(SampleSitePath, StringComparison.OrdinalIgnoreCase)
        && (SameAuthority(publicUrls.Value.Admin, url) || SameAuthority(publicUrls.Value.Api, url));

    // Loopback names and addresses all reach the same local host: localhost:5010 is 127.0.0.1:5010.
    private static bool SameAuthority(Uri own, Uri url) =>
        own.Port == url.Port
        && (string.Equals(own.IdnHost, url.IdnHost, StringComparison.OrdinalIgnoreCase) || (own.IsLoopback && url.IsLoopback));
}
