namespace ArticleQa.Articles;

/// <summary>An article as loaded from the articles folder: its full text plus the metadata citations show.</summary>
/// <param name="Id">Stable id derived from the file path relative to the articles folder.</param>
/// <param name="Title">The article's title (for plain text: its first non-empty line).</param>
/// <param name="Text">The article's text; passage offsets point into this string.</param>
/// <param name="FilePath">Where the article was read from.</param>
public sealed record Article(
    string Id,
    string Title,
    string Text,
    string FilePath,
    Uri? Url = null,
    string? Author = null,
    DateTimeOffset? Published = null,
    string? Source = null);
