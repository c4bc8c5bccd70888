using AngleSharp.Html.Parser;
using SmartReader;
using ReadabilityArticle = SmartReader.Article;

namespace ArticleQa.Articles;

/// <summary>
/// HTML pages (.html, .htm): SmartReader (a port of Mozilla's Readability) finds the article body, title, author and
/// publication date and drops navigation, cookie banners, sidebars, comments and footers; the body's block elements
/// become paragraphs. The canonical URL comes from <c>link rel=canonical</c> or <c>og:url</c>; the date from
/// <c>article:published_time</c> (kept with its UTC offset), else SmartReader, else a <c>time datetime</c> element.
/// The bytes are decoded as the page's own <c>meta charset</c> says (<see cref="HtmlCharset"/>), UTF-8 when it says nothing.
/// </summary>
internal static class HtmlArticleReader
{
    // When Readability finds no article it still returns its best candidate, which on a page without one is a menu or
    // a footer; a real article this short would be accepted only by accident, so such a candidate is not an article.
    private const int MinWordsWithoutReadableArticle = 25;

    public static ArticleContent Read(byte[] bytes, string fullPath)
    {
        var html = TextFileDecoder.Decode(bytes, HtmlCharset.Declared(bytes));
        var document = new HtmlParser().ParseDocument(html);
        var metadata = HtmlMetadata.Read(document); // before SmartReader, which edits the document

        // The file URI only anchors relative links; the reader never fetches anything for a parsed document.
        var article = new Reader(new Uri(fullPath).AbsoluteUri, document).GetArticle();
        var text = MainText(article);
        return new ArticleContent(
            Title: Blank(article.Title) ?? metadata.Title,
            text,
            Url: metadata.Url,
            Author: Blank(article.Author) ?? metadata.Author ?? AuthorFromByline(article.Byline),
            Published: metadata.MetaPublished ?? ToOffset(article.PublicationDate) ?? metadata.TimeElementPublished,
            Source: Blank(article.SiteName) ?? metadata.SiteName);
    }

    private static string MainText(ReadabilityArticle article)
    {
        if (!article.Completed)
        {
            var error = article.Errors.FirstOrDefault()?.Message ?? "unknown error";
            throw new InvalidDataException($"the HTML could not be parsed: {error}");
        }

        var text = string.IsNullOrWhiteSpace(article.Content)
            ? string.Empty
            : HtmlTextExtractor.Extract(new HtmlParser().ParseDocument(article.Content).Body!);
        if (text.Length == 0 || (!article.IsReadable && CountWords(text) < MinWordsWithoutReadableArticle))
        {
            throw new InvalidDataException("no article text found in the HTML");
        }

        return text;
    }

    private static int CountWords(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>"By Jane Doe, Political Editor" → "Jane Doe"; a byline that reads like a sentence is not a name.</summary>
    private static string? AuthorFromByline(string? byline)
    {
        var firstLine = ArticleText.FirstLine(byline ?? string.Empty);
        if (firstLine is null)
        {
            return null;
        }

        var name = firstLine.StartsWith("by ", StringComparison.OrdinalIgnoreCase) ? firstLine[3..] : firstLine;
        name = name.Split(',', '|', '•')[0].Trim();
        return name.Length is > 0 and <= 80 ? name : null;
    }

    private static DateTimeOffset? ToOffset(DateTime? date) => date switch
    {
        null => null,
        { Kind: DateTimeKind.Unspecified } value => new DateTimeOffset(value, TimeSpan.Zero),
        { } value => new DateTimeOffset(value),
    };
}
