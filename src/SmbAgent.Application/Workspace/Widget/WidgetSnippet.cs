using System.Text.Encodings.Web;

namespace SmbAgent.Workspace.Widget;

/// <summary>The one line an owner pastes into their site (the Install page and /demo print exactly this).</summary>
public static class WidgetSnippet
{
    /// <summary>The loader's stable address under the API's public address (<c>PublicUrls:Api</c>).</summary>
    public static Uri LoaderUrl(Uri api) => new($"{api.GetLeftPart(UriPartial.Path).TrimEnd('/')}/widget/loader.js");

    public static string For(Uri api, string widgetKey) =>
        $"<script src=\"{HtmlEncoder.Default.Encode(LoaderUrl(api).AbsoluteUri)}\" data-widget-key=\"{HtmlEncoder.Default.Encode(widgetKey)}\" async></script>";
}
