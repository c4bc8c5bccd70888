using System.Globalization;
using System.Text;
using ArticleQa.Answering;

namespace ArticleBot.Channels;

/// <summary>
/// Where a citation takes the reader: an article with a url opens there at the cited sentence (a <c>#:~:text=</c>
/// text fragment, which Chromium-based browsers and Safari scroll to and highlight); an article without one opens on
/// the bot's own article page with the cited range marked (<c>/articles/{id}?cite=START-END#cited</c>).
/// </summary>
public static class CitationLinks
{
    /// <summary>Text fragments longer than this are given as their first and last words (<c>text=start,end</c>).</summary>
    private const int MaxExactWords = 8;

    /// <param name="articleBase">The bot's public base address (ending in /), or null when it is not known.</param>
    public static Uri? Of(Citation citation, Uri? articleBase)
    {
        ArgumentNullException.ThrowIfNull(citation);
        if (citation.Url is not null)
        {
            return WithTextFragment(citation.Url, CitationEntity.ExcerptOf(citation));
        }

        if (articleBase is null)
        {
            return null;
        }

        var (start, end) = citation.Excerpt.Length > 0 ? (citation.ExcerptStart, citation.ExcerptEnd) : (citation.Start, citation.End);
        return new Uri(articleBase, string.Create(CultureInfo.InvariantCulture, $"{ArticlePath(citation.ArticleId)}?cite={start}-{end}#cited"));
    }

    /// <summary>The article page's path relative to the base: <c>articles/</c> plus the id, each segment escaped.</summary>
    public static string ArticlePath(string articleId)
    {
        ArgumentNullException.ThrowIfNull(articleId);
        return "articles/" + string.Join('/', articleId.Split('/').Select(Uri.EscapeDataString));
    }

    public static Uri WithTextFragment(Uri url, string sentence)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(sentence);
        var words = sentence.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return url;
        }

        var directive = words.Length <= MaxExactWords
            ? Escape(string.Join(' ', words))
            : $"{Escape(string.Join(' ', words.Take(4)))},{Escape(string.Join(' ', words.TakeLast(4)))}";
        var builder = new UriBuilder(url);
        var fragment = builder.Fragment.TrimStart('#');
        builder.Fragment = $"{fragment}:~:text={directive}";
        return builder.Uri;
    }

    /// <summary>Percent-encodes a text-fragment term, including the '-', ',' and '&amp;' the syntax reserves.</summary>
    private static string Escape(string text)
    {
        var escaped = new StringBuilder(Uri.EscapeDataString(text));
        return escaped.Replace("-", "%2D").Replace(",", "%2C").Replace("&", "%26").ToString();
    }
}
