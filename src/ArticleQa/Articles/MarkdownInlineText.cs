using System.Text;
using System.Text.RegularExpressions;
using Markdig.Extensions.Footnotes;
using Markdig.Extensions.TaskLists;
using Markdig.Syntax.Inlines;

namespace ArticleQa.Articles;

/// <summary>
/// The plain text of a Markdig inline tree: link text stays and targets go, images, footnote marks, task boxes and HTML
/// tags go (<c>&lt;br&gt;</c> becomes a space), emphasis and code markers go, entities and escapes become their
/// character. Soft line breaks become spaces and hard ones <c>\n</c>; the spaces of the text are kept as written.
/// </summary>
internal static partial class MarkdownInlineText
{
    public static string Of(ContainerInline? inline)
    {
        var text = new StringBuilder();
        Append(inline, text);
        var lines = text.ToString().Split('\n').Select(line => line.Trim());
        return string.Join('\n', lines).Trim('\n');
    }

    private static void Append(Inline? inline, StringBuilder text)
    {
        switch (inline)
        {
            case null or FootnoteLink or TaskList:
                break;
            case LinkInline { IsImage: true }:
                break;
            case LiteralInline literal:
                text.Append(literal.Content.AsSpan());
                break;
            case CodeInline code:
                text.Append(code.Content);
                break;
            case AutolinkInline autolink:
                text.Append(autolink.Url);
                break;
            case HtmlEntityInline entity:
                text.Append(entity.Transcoded.AsSpan());
                break;
            case LineBreakInline lineBreak:
                text.Append(lineBreak.IsHard ? '\n' : ' ');
                break;
            case HtmlInline html when LineBreakTag().IsMatch(html.Tag):
                text.Append(' ');
                break;
            case DelimiterInline delimiter:
                // A '[' or '*' that opened nothing: Markdig keeps it as a delimiter holding its own literal text.
                text.Append(delimiter.ToLiteral());
                AppendChildren(delimiter, text);
                break;
            case ContainerInline container:
                // Emphasis, strikethrough and links (their text).
                AppendChildren(container, text);
                break;
            default:
                // Other HTML tags and comments.
                break;
        }
    }

    private static void AppendChildren(ContainerInline container, StringBuilder text)
    {
        foreach (var child in container)
        {
            Append(child, text);
        }
    }

    [GeneratedRegex(@"^<br\s*/?>$", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreakTag();
}
