using System.Net;

namespace SmbAgent.Web.Tests.Account;

/// <summary>Posts a Razor form the way a browser does: GET the page for its antiforgery token, then POST the fields.</summary>
public static class Forms
{
    public static async Task<HttpResponseMessage> PostAsync(Browser browser, string path, IDictionary<string, string> fields, string? handler = null)
    {
        var (status, html, _) = await browser.GetPageAsync(path);
        status.ShouldBe(HttpStatusCode.OK, $"GET {path}");
        return await PostWithTokenAsync(browser, path, Browser.AntiforgeryToken(html), fields, handler);
    }

    public static async Task<HttpResponseMessage> PostWithTokenAsync(Browser browser, string path, string token, IDictionary<string, string> fields, string? handler = null)
    {
        var all = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        using var form = new FormUrlEncodedContent(all);
        var target = handler is null ? path : $"{path.Split('?')[0]}?handler={handler}";
        return await browser.Client.PostAsync(new Uri(target, UriKind.Relative), form);
    }

    /// <summary>The text of the validation message Razor writes next to <paramref name="field"/>.</summary>
    public static string ValidationFor(string html, string field)
    {
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        return document.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent.Trim() ?? string.Empty;
    }
}
