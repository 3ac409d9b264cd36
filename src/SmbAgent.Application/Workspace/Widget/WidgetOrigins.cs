namespace SmbAgent.Workspace.Widget;

/// <summary>
/// The one spelling of a site's origin, as browsers send it in <c>Origin</c>: <c>scheme://host[:port]</c>, lower case,
/// the scheme's default port dropped, the host in its ASCII (punycode) form. Only http and https; no wildcards, so an
/// owner lists each site (and each subdomain) they embed the widget on, and a typo can't open the widget to every site.
/// </summary>
public static class WidgetOrigins
{
    public const int MaxOrigins = 20;

    public const int MaxOriginLength = 253 + 16;

    /// <summary>The origin an owner typed, normalised; null with the reason when it is not one.</summary>
    public static string? Normalize(string? value, out string? error)
    {
        error = null;
        var text = value?.Trim() ?? string.Empty;
        if (text.Length is 0 or > MaxOriginLength)
        {
            error = "Enter a site address like https://www.example.com.";
            return null;
        }

        if (text.Contains('*', StringComparison.Ordinal))
        {
            error = "List each site on its own: wildcards are not allowed.";
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.HostNameType is UriHostNameType.Unknown || string.IsNullOrEmpty(uri.Host))
        {
            error = "Enter a site address starting with https:// or http://, like https://www.example.com.";
            return null;
        }

        if (uri.UserInfo.Length > 0 || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            error = "Enter the site's address only, without a path: like https://www.example.com.";
            return null;
        }

        return Of(uri);
    }

    /// <summary>A request's <c>Origin</c> header, normalised; null when it names no http(s) site (e.g. "null" from a sandboxed frame or a file).</summary>
    public static string? FromHeader(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && !string.IsNullOrEmpty(uri.Host) && uri.AbsolutePath == "/"
            ? Of(uri)
            : null;

    /// <summary>The origin of one of the app's own addresses (<c>PublicUrls</c>).</summary>
    public static string Of(Uri uri)
    {
        var host = uri.HostNameType == UriHostNameType.IPv6 ? uri.Host : uri.IdnHost;
        return $"{uri.Scheme}://{host.ToLowerInvariant()}{(uri.IsDefaultPort ? string.Empty : $":{uri.Port}")}";
    }
}
