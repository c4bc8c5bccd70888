using System.Globalization;
using AngleSharp.Dom;

namespace ArticleQa.Articles;

/// <summary>
/// Metadata read straight from a page's markup, used where SmartReader has none: the canonical URL
/// (<c>link rel=canonical</c>, else <c>og:url</c>), the publication time (<c>article:published_time</c>, else the first
/// <c>time datetime</c>), the author (<c>meta name=author</c>), the site name (<c>og:site_name</c>) and the title.
/// </summary>
internal sealed record HtmlMetadata(Uri? Url, DateTimeOffset? MetaPublished, DateTimeOffset? TimeElementPublished, string? Author, string? SiteName, string? Title)
{
    public static HtmlMetadata Read(IDocument document) => new(
        Url: AbsoluteHttpUrl(document.QuerySelector("link[rel~='canonical' i][href]")?.GetAttribute("href"))
            ?? AbsoluteHttpUrl(Meta(document, "og:url")),
        MetaPublished: ParseDate(Meta(document, "article:published_time")),
        TimeElementPublished: ParseDate(
            (document.QuerySelector("article time[datetime]") ?? document.QuerySelector("time[datetime]"))?.GetAttribute("datetime")),
        Author: Meta(document, "author") ?? Meta(document, "article:author"),
        SiteName: Meta(document, "og:site_name"),
        Title: Meta(document, "og:title") ?? document.Title);

    private static string? Meta(IDocument document, string name)
    {
        var content = document.QuerySelectorAll("meta[content]")
            .FirstOrDefault(meta => string.Equals(meta.GetAttribute("property") ?? meta.GetAttribute("name"), name, StringComparison.OrdinalIgnoreCase))
            ?.GetAttribute("content");
        return string.IsNullOrWhiteSpace(content) ? null : content.Trim();
    }

    private static Uri? AbsoluteHttpUrl(string? value) =>
        Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            ? url
            : null;

    private static DateTimeOffset? ParseDate(string? value) =>
        DateTimeOffset.TryParse(value?.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : null;
}
