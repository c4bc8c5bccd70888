using System.Text;
using System.Text.RegularExpressions;

namespace ArticleQa.Articles;

/// <summary>
/// The canonical form of <see cref="Article.Text"/>, which passage offsets point into: "\n" line endings, no byte order
/// mark, no leading or trailing spaces on the text or trailing spaces on a line, paragraphs separated by exactly one blank line, no leading or trailing blank lines.
/// </summary>
internal static partial class ArticleText
{
    public static string Normalize(string text)
    {
        var lines = text.Replace("\uFEFF", string.Empty, StringComparison.Ordinal).ReplaceLineEndings("\n").Split('\n');
        var result = new StringBuilder(text.Length);
        var blankLines = 0;
        foreach (var line in lines)
        {
            var trimmed = result.Length == 0 ? line.Trim() : line.TrimEnd();
            if (trimmed.Length == 0)
            {
                blankLines++;
                continue;
            }

            if (result.Length > 0)
            {
                result.Append(blankLines > 0 ? "\n\n" : "\n");
            }

            result.Append(trimmed);
            blankLines = 0;
        }

        return result.ToString();
    }

    /// <summary>The first non-empty line, trimmed, or null for a text without any.</summary>
    public static string? FirstLine(string text) =>
        text.Split('\n').Select(line => line.Trim()).FirstOrDefault(line => line.Length > 0);

    /// <summary>Collapses runs of whitespace (including line breaks) into single spaces; null for blank input.</summary>
    public static string? SingleLine(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return Whitespace().Replace(text, " ").Trim();
    }

    /// <summary>
    /// Puts the title in front of a normalised text whose first paragraph does not mention it (HTML pages, Markdown with
    /// a front-matter title), so that a headline's words are searchable like a plain-text article's first line.
    /// </summary>
    public static string WithTitle(string text, string title)
    {
        var breakAt = text.IndexOf("\n\n", StringComparison.Ordinal);
        var firstParagraph = breakAt < 0 ? text : text[..breakAt];
        return firstParagraph.Contains(title, StringComparison.OrdinalIgnoreCase) ? text : $"{title}\n\n{text}";
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
