using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace SmbAgent.KnowledgeBase.Extraction;

/// <summary>
/// Readable text of a web page: scripts, styles and navigation dropped, headings kept as "# " lines so the
/// chunker starts passages at them, blocks separated by blank lines.
/// </summary>
public static class HtmlTextExtractor
{
    private const int MinReadableCharacters = 40;

    private static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "nav", "footer", "svg", "iframe", "form", "button", "select", "aside",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "header", "li", "ul", "ol", "table", "tr", "blockquote", "pre", "dl", "dt", "dd", "br", "hr", "address", "figure", "figcaption",
    };

    public sealed record Page(string Title, string Text);

    public static Page Extract(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var title = Normalize(document.Title ?? string.Empty);
        var text = new StringBuilder();
        if (document.Body is { } body)
        {
            Append(body, text);
        }

        var cleaned = CleanUp(text.ToString());
        if (cleaned.Length < MinReadableCharacters)
        {
            throw new KnowledgeContentException("The page has no readable text: it may be empty or built entirely by scripts.");
        }

        return new Page(title, cleaned);
    }

    private static void Append(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText t:
                    text.Append(t.Data);
                    break;
                case IElement e when Dropped.Contains(e.LocalName):
                    break;
                case IElement e when e.LocalName.Length == 2 && e.LocalName[0] == 'h' && char.IsAsciiDigit(e.LocalName[1]):
                    var heading = Normalize(e.TextContent);
                    if (heading.Length > 0)
                    {
                        text.Append("\n\n").Append('#', e.LocalName[1] - '0').Append(' ').Append(heading).Append("\n\n");
                    }

                    break;
                case IElement e when Blocks.Contains(e.LocalName):
                    text.Append("\n\n");
                    Append(e, text);
                    text.Append("\n\n");
                    break;
                case IElement e:
                    Append(e, text);
                    break;
            }
        }
    }

    /// <summary>Whitespace inside a line collapsed, at most one blank line between blocks.</summary>
    private static string CleanUp(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n').Select(Normalize);
        var result = new StringBuilder();
        var blank = false;
        foreach (var line in lines)
        {
            if (line.Length == 0)
            {
                blank = result.Length > 0;
                continue;
            }

            if (result.Length > 0)
            {
                result.Append(blank ? "\n\n" : "\n");
            }

            result.Append(line);
            blank = false;
        }

        return result.ToString();
    }

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
