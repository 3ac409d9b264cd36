using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace SmbAgent.Web.Tests.Workspace;

/// <summary>
/// A form read from a page as a browser would submit it (inputs, checked boxes, selected options,
/// textareas, the antiforgery token), whose fields a test can change or add before posting.
/// </summary>
public sealed class HtmlForm
{
    private readonly List<KeyValuePair<string, string>> _fields;

    private HtmlForm(string action, List<KeyValuePair<string, string>> fields)
    {
        Action = action;
        _fields = fields;
    }

    public string Action { get; }

    public static HtmlForm Parse(string html, string selector, string pagePath)
    {
        var document = new HtmlParser().ParseDocument(html);
        var form = document.QuerySelector(selector) as IHtmlFormElement
                   ?? throw new ShouldAssertException($"No form '{selector}' on the page.");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Name: { Length: > 0 } name } input when !input.IsDisabled && input.Type is not ("submit" or "button"):
                    if (input.Type is not ("checkbox" or "radio") || input.IsChecked)
                    {
                        fields.Add(new(name, input.Value));
                    }

                    break;
                case IHtmlSelectElement { Name: { Length: > 0 } name } select:
                    var selected = select.Options.FirstOrDefault(o => o.IsSelected) ?? (select.Options.Length > 0 ? select.Options[0] : null);
                    if (selected is not null)
                    {
                        fields.Add(new(name, selected.Value));
                    }

                    break;
                case IHtmlTextAreaElement { Name: { Length: > 0 } name } textArea:
                    fields.Add(new(name, textArea.Value));
                    break;
            }
        }

        var action = form.GetAttribute("action");
        return new HtmlForm(string.IsNullOrEmpty(action) ? pagePath : System.Net.WebUtility.HtmlDecode(action), fields);
    }

    public IReadOnlyList<string> Values(string name) => [.. _fields.Where(f => f.Key == name).Select(f => f.Value)];

    /// <summary>Replaces every value of <paramref name="name"/> (or adds it).</summary>
    public HtmlForm Set(string name, string value)
    {
        var index = _fields.FindIndex(f => f.Key == name);
        _fields.RemoveAll(f => f.Key == name);
        _fields.Insert(index < 0 ? _fields.Count : index, new(name, value));
        return this;
    }

    public HtmlForm Remove(string name)
    {
        _fields.RemoveAll(f => f.Key == name);
        return this;
    }

    public HtmlForm Add(string name, string value)
    {
        _fields.Add(new(name, value));
        return this;
    }

    public async Task<HttpResponseMessage> PostAsync(Browser browser, string? action = null)
    {
        using var content = new FormUrlEncodedContent(_fields);
        return await browser.Client.PostAsync(new Uri(action ?? Action, UriKind.Relative), content);
    }
}
