using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ArticleQa.Retrieval;

namespace ArticleQa.Answering;

/// <summary>
/// The one plain format in which numbered sources reach a model (real or Local):
/// <code>
/// [1] Title (2025-11-27) (by Dave DeCamp)
/// passage text, one line per paragraph
/// (no blank line inside a source)
///
/// [2] Title
/// passage text
/// </code>
/// The date and the author stand in the header when the article's metadata has them. Line breaks are kept because
/// in news text a line often ends a sentence without a period (headline, standfirst).
/// The Local model parses exactly this, so a prompt may word everything around it freely.
/// </summary>
public static partial class SourcesBlock
{
    public static string Format(IReadOnlyList<RetrievedPassage> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var text = new StringBuilder();
        for (var i = 0; i < sources.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"[{i + 1}] {Header(sources[i].Article)}\n");
            text.Append(Paragraphs(sources[i].Passage.Text)).Append("\n\n");
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>
    /// What a source's header says of its article after the number: the title, and the date and the author when the
    /// metadata has them. A title that ends the way those do ("Killed (by Accident)", "Notes (2024-05-01)") has its
    /// last brackets squared ("Killed [by Accident]"), so that neither a model nor <see cref="Parse"/> reads an author
    /// or a date the metadata does not give.
    /// </summary>
    public static string Header(ArticleInfo article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var date = article.Published is { } published ? $" ({published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})" : "";
        var author = string.IsNullOrWhiteSpace(article.Author) ? "" : $" (by {OneLine(article.Author).Replace('(', '[').Replace(')', ']')})";
        var title = HeaderLikeEnd().Replace(OneLine(article.Title), "[${inside}]");
        return $"{title}{date}{author}";
    }

    /// <summary>Reads the numbered sources back out of a rendered prompt.</summary>
    public static IReadOnlyList<Source> Parse(string prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        return SourcePattern().Matches(prompt.ReplaceLineEndings("\n"))
            .Select(m => new Source(
                int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture),
                m.Groups["title"].Value.Trim(),
                m.Groups["text"].Value.Trim(),
                m.Groups["author"].Success ? m.Groups["author"].Value.Trim() : null,
                DateOnly.TryParseExact(m.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null))
            .ToList();
    }

    private static string OneLine(string text) => WhiteSpace().Replace(text, " ").Trim();

    private static string Paragraphs(string text) =>
        string.Join('\n', text.Split('\n').Select(OneLine).Where(line => line.Length > 0));

    [GeneratedRegex(@"^\[(?<n>\d{1,3})\] (?<title>[^\n]*?)(?: \((?<date>\d{4}-\d{2}-\d{2})\))?(?: \(by (?<author>[^()\n]+)\))?[ \t]*\n(?<text>(?:[^\n]*\S[^\n]*(?:\n|$))+)", RegexOptions.Multiline)]
    private static partial Regex SourcePattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    /// <summary>A title's end that would read as the header's date or author: " (2024-05-01)", " (by Accident)".</summary>
    [GeneratedRegex(@"\((?<inside>\d{4}-\d{2}-\d{2}|by [^()\n]+)\)$")]
    private static partial Regex HeaderLikeEnd();

    /// <summary>One numbered source as a model sees it.</summary>
    /// <param name="Title">The article's title as the header gives it (without the date).</param>
    /// <param name="Author">The article's author, when its metadata names one.</param>
    /// <param name="Published">The article's date, when its metadata has one.</param>
    public sealed record Source(int Number, string Title, string Text, string? Author = null, DateOnly? Published = null);
}
