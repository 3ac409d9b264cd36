using System.Net;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;

namespace SmbAgent.Web.Tests;

/// <summary>
/// An HTTP client that behaves like a browser on the admin host: it keeps cookies, does not follow
/// redirects, and posts the Razor forms with their antiforgery token.
/// </summary>
public sealed partial class Browser(HttpClient client) : IDisposable
{
    public const string AuthCookieName = "smbagent.auth";
    public const string LoginPath = "/Account/Login";
    public const string LogoutPath = "/Account/Logout";

    public HttpClient Client => client;

    /// <summary>Text as Razor writes it into a page.</summary>
    public static string Html(string text) => HtmlEncoder.Default.Encode(text);

    public static string AntiforgeryToken(string html)
    {
        var match = AntiforgeryTokenPattern().Match(html);
        match.Success.ShouldBeTrue("the page has no antiforgery token: " + html);
        return WebUtility.HtmlDecode(match.Groups["token"].Value);
    }

    public static bool SetsAuthCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
        && cookies.Any(c => c.StartsWith(AuthCookieName + "=", StringComparison.Ordinal) && !IsExpired(c));

    public static bool ClearsAuthCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
        && cookies.Any(c => c.StartsWith(AuthCookieName + "=", StringComparison.Ordinal) && IsExpired(c));

    /// <summary>True when the response sends the browser to the login page.</summary>
    public static bool RedirectsToLogin(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect
        && response.Headers.Location is { } location
        && (location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0])
            .Equals(LoginPath, StringComparison.OrdinalIgnoreCase);

    public Task<HttpResponseMessage> GetAsync(string path) => client.GetAsync(new Uri(path, UriKind.Relative));

    /// <summary>GETs <paramref name="path"/> and reads the whole answer.</summary>
    public async Task<Page> GetPageAsync(string path)
    {
        using var response = await GetAsync(path);
        return new Page(response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>Fills in and posts the login form. Blank <paramref name="business"/> signs in a platform admin.</summary>
    public async Task<HttpResponseMessage> PostLoginAsync(string? business, string email, string password, string? returnUrl = null)
    {
        using var page = await GetAsync(LoginPath);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var token = AntiforgeryToken(await page.Content.ReadAsStringAsync());
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Business"] = business ?? string.Empty,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = token,
            ["returnUrl"] = returnUrl ?? string.Empty,
        });
        return await client.PostAsync(new Uri(LoginPath, UriKind.Relative), form);
    }

    /// <summary>Signs in and checks that it worked: a redirect home with the auth cookie.</summary>
    public async Task SignInAsync(string? business, string email, string password)
    {
        using var response = await PostLoginAsync(business, email, password);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        response.Headers.Location.ShouldNotBeNull().OriginalString.ShouldBe("/");
        SetsAuthCookie(response).ShouldBeTrue();
    }

    public Task SignInAsync(TenantOwner owner) => SignInAsync(owner.Name, owner.Email, owner.Password);

    /// <summary>Posts the sign-out form with <paramref name="token"/> (null: no token at all).</summary>
    public async Task<HttpResponseMessage> PostLogoutAsync(string? token)
    {
        var fields = new Dictionary<string, string>();
        if (token is not null)
        {
            fields["__RequestVerificationToken"] = token;
        }

        using var form = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(LogoutPath, UriKind.Relative), form);
    }

    public void Dispose() => client.Dispose();

    private static bool IsExpired(string setCookie) =>
        setCookie.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"(?<token>[^\"]*)\"")]
    private static partial Regex AntiforgeryTokenPattern();
}

/// <summary>A response read in full: status, body and media type.</summary>
public sealed record Page(HttpStatusCode Status, string Html, string? MediaType);
