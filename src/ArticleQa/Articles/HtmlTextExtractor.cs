using System.Collections.Frozen;
using System.Text;
using AngleSharp.Dom;

namespace ArticleQa.Articles;

/// <summary>
/// The text of an HTML fragment with its paragraph structure: every block element (p, h1-h6, li, blockquote, tr ...)
/// becomes a paragraph of its own, <c>br</c> a line break; whitespace inside a paragraph collapses to single spaces.
/// </summary>
internal static class HtmlTextExtractor
{
    private const string ParagraphBreak = "\n\n";

    private static readonly FrozenSet<string> BlockElements = new[]
    {
        "address", "article", "aside", "blockquote", "dd", "details", "div", "dl", "dt", "figcaption", "figure", "footer",
        "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary",
        "table", "tbody", "thead", "tfoot", "tr", "ul",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> IgnoredElements = new[]
    {
        "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "button", "select", "textarea",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static string Extract(INode root)
    {
        var text = new StringBuilder();
        Append(root, text, preformatted: false);
        var lines = text.ToString().Split('\n').Select(line => CollapseWhitespace(line).Trim());
        return ArticleText.Normalize(string.Join('\n', lines));
    }

    private static void Append(INode node, StringBuilder text, bool preformatted)
    {
        switch (node)
        {
            case IText textNode:
                text.Append(preformatted ? textNode.Data : CollapseWhitespace(textNode.Data));
                break;
            case IElement { LocalName: "br" }:
                text.Append('\n');
                break;
            case IElement { LocalName: "td" or "th" }:
                text.Append(' ');
                AppendChildren(node, text, preformatted);
                text.Append(' ');
                break;
            case IElement element when IgnoredElements.Contains(element.LocalName):
                break;
            case IElement element when BlockElements.Contains(element.LocalName):
                text.Append(ParagraphBreak);
                AppendChildren(node, text, preformatted || element.LocalName == "pre");
                text.Append(ParagraphBreak);
                break;
            default:
                AppendChildren(node, text, preformatted);
                break;
        }
    }

    private static void AppendChildren(INode node, StringBuilder text, bool preformatted)
    {
        foreach (var child in node.ChildNodes)
        {
            Append(child, text, preformatted);
        }
    }

    private static string CollapseWhitespace(string data)
    {
        var result = new StringBuilder(data.Length);
        foreach (var c in data)
        {
            var isSpace = char.IsWhiteSpace(c);
            if (!isSpace || result.Length == 0 || result[^1] != ' ')
            {
                result.Append(isSpace ? ' ' : c);
            }
        }

        return result.ToString();
    }
}
