using System.Globalization;

namespace ArticleQa.Articles;

/// <summary>
/// Markdown (.md): optional YAML front matter with <c>title</c>, <c>url</c>, <c>author</c>, <c>published</c> (or
/// <c>date</c>) and <c>source</c>; the body becomes plain text (see <see cref="MarkdownPlainText"/>, through Markdig). Without a
/// front-matter title the first level-1 heading, else the first line, is the title. A front-matter value that cannot be
/// used (a date that is not a date, a URL that is not an absolute http(s) URL) makes the front matter malformed.
/// </summary>
internal static class MarkdownArticleReader
{
    public static ArticleContent Read(byte[] bytes)
    {
        var markdown = TextFileDecoder.Decode(bytes).TrimStart('\uFEFF').ReplaceLineEndings("\n");
        var frontMatter = MarkdownFrontMatter.Split(markdown);
        var body = MarkdownPlainText.Convert(frontMatter.Body);
        var dateKey = frontMatter["published"] is null && frontMatter["date"] is not null ? "date" : "published";
        return new ArticleContent(
            Title: frontMatter["title"] ?? body.FirstHeading,
            body.Text,
            Url: ParseUrl(frontMatter["url"]),
            Author: frontMatter["author"],
            Published: ParseDate(dateKey, frontMatter[dateKey]),
            Source: frontMatter["source"]);
    }

    private static Uri? ParseUrl(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return Uri.TryCreate(value.Trim(), UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            ? url
            : throw new InvalidDataException($"malformed front matter: 'url' is not an absolute http(s) URL: '{value}'");
    }

    private static DateTimeOffset? ParseDate(string key, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return DateTimeOffset.TryParse(value.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date
            : throw new InvalidDataException($"malformed front matter: '{key}' is not a date: '{value}'");
    }
}
