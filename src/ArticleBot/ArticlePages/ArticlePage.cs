using System.Globalization;
using System.Text;
using ArticleQa.Articles;
using static System.Net.WebUtility;

namespace ArticleBot.ArticlePages;

/// <summary>
/// One article as a readable HTML page: title, date, source and text, every piece HTML-encoded (nothing from an
/// article is markup or script), with the cited range <c>[start, end)</c> of <see cref="Article.Text"/> in
/// <c>&lt;mark&gt;</c> (the first one with id "cited", which the page scrolls into view).
/// </summary>
public static class ArticlePage
{
    public const string CitedId = "cited";

    /// <param name="nonce">The Content-Security-Policy nonce of the page's one script (scrolling to the citation).</param>
    public static string Render(Article article, (int Start, int End)? cite, string nonce)
    {
        ArgumentNullException.ThrowIfNull(article);
        var html = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append(CultureInfo.InvariantCulture, $"<title>{HtmlEncode(article.Title)}</title>\n")
            .Append("<style>body{max-width:760px;margin:24px auto;padding:0 16px;font:17px/1.6 'Segoe UI',system-ui,sans-serif;color:#1f2937}")
            .Append("h1{font-size:28px;line-height:1.25}.meta{color:#6b7280;font-size:14px}mark{background:#fde68a;padding:1px 0}</style>\n")
            .Append("</head>\n<body>\n<article>\n")
            .Append(CultureInfo.InvariantCulture, $"<h1>{HtmlEncode(article.Title)}</h1>\n");
        AppendMeta(html, article);
        AppendText(html, article.Text, cite);
        html.Append("</article>\n");
        if (cite is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<script nonce=\"{nonce}\">document.getElementById('{CitedId}').scrollIntoView({{block:'center'}});</script>\n");
        }

        return html.Append("</body>\n</html>\n").ToString();
    }

    private static void AppendMeta(StringBuilder html, Article article)
    {
        var parts = new List<string>();
        if (article.Published is { } published)
        {
            parts.Add($"<time datetime=\"{published:yyyy-MM-dd}\">{published.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}</time>");
        }

        if (article.Author is { } author)
        {
            parts.Add(HtmlEncode(author));
        }

        if (article.Source is { } source)
        {
            parts.Add(HtmlEncode(source));
        }

        if (article.Url is { } url && url.Scheme is "http" or "https")
        {
            parts.Add($"<a href=\"{HtmlEncode(url.AbsoluteUri)}\" rel=\"noopener noreferrer\">original</a>");
        }

        if (parts.Count > 0)
        {
            html.Append("<p class=\"meta\">").AppendJoin(" · ", parts).Append("</p>\n");
        }
    }

    /// <summary>Paragraphs (blank-line separated) as &lt;p&gt;, lines within them as &lt;br&gt;, the cited range marked.</summary>
    private static void AppendText(StringBuilder html, string text, (int Start, int End)? cite)
    {
        var markedOnce = false;
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf("\n\n", start, StringComparison.Ordinal);
            end = end < 0 ? text.Length : end;
            html.Append("<p>");
            AppendRange(html, text, start, end, cite, ref markedOnce);
            html.Append("</p>\n");
            start = end + 2;
        }
    }

    private static void AppendRange(StringBuilder html, string text, int start, int end, (int Start, int End)? cite, ref bool markedOnce)
    {
        if (cite is not { } c || c.End <= start || c.Start >= end)
        {
            html.Append(Encode(text[start..end]));
            return;
        }

        var markStart = Math.Max(start, c.Start);
        var markEnd = Math.Min(end, c.End);
        html.Append(Encode(text[start..markStart]));
        html.Append(markedOnce ? "<mark>" : $"<mark id=\"{CitedId}\">").Append(Encode(text[markStart..markEnd])).Append("</mark>");
        markedOnce = true;
        html.Append(Encode(text[markEnd..end]));
    }

    private static string Encode(string text) => HtmlEncode(text).Replace("\n", "<br>\n", StringComparison.Ordinal);
}
