namespace SmbAgent.PublicUrls;

/// <summary>
/// Bound from <c>PublicUrls</c>: where each host is reached from outside. Every absolute link the app mails or texts
/// is built from these (through <see cref="AdminLinks"/>), never from a request's Host header, which anyone can forge.
/// </summary>
public sealed class PublicUrlOptions
{
    public const string SectionName = "PublicUrls";

    /// <summary>The admin (SmbAgent.Web): account, invitation and notification links point there.</summary>
    public Uri Admin { get; set; } = new("http://127.0.0.1:5010");

    /// <summary>The API (SmbAgent.HttpApi.Host): outside Development it answers only to this host name.</summary>
    public Uri Api { get; set; } = new("http://127.0.0.1:5020");

    internal static bool IsHttpAddress(Uri? url) => url is { IsAbsoluteUri: true, Scheme: "http" or "https" };
}
