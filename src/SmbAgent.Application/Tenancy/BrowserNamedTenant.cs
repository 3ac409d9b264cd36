using Microsoft.AspNetCore.Http;

namespace SmbAgent.Tenancy;

/// <summary>
/// A tenant the browser names by header, query string or cookie. Never used to pick the tenant;
/// read only so that a signed-in user naming another tenant is refused instead of silently ignored.
/// </summary>
public static class BrowserNamedTenant
{
    public const string Key = "__tenant";
    public const string HeaderName = "X-Tenant";

    public static string? Find(HttpRequest request)
    {
        if (request.Headers.TryGetValue(HeaderName, out var header) && !string.IsNullOrWhiteSpace(header))
        {
            return header.ToString();
        }

        if (request.Headers.TryGetValue(Key, out var underscoreHeader) && !string.IsNullOrWhiteSpace(underscoreHeader))
        {
            return underscoreHeader.ToString();
        }

        if (request.Query.TryGetValue(Key, out var query) && !string.IsNullOrWhiteSpace(query))
        {
            return query.ToString();
        }

        return request.Cookies.TryGetValue(Key, out var cookie) && !string.IsNullOrWhiteSpace(cookie) ? cookie : null;
    }
}
