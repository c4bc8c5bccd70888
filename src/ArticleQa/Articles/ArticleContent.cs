namespace ArticleQa.Articles;

/// <summary>What a reader extracts from one file, before the loader gives it an id and a path.</summary>
/// <param name="Title">The title the file declares, or null when the loader should use the first line of the text.</param>
/// <param name="Text">Plain text, paragraphs separated by blank lines (normalised by the loader).</param>
internal sealed record ArticleContent(
    string? Title,
    string Text,
    Uri? Url = null,
    string? Author = null,
    DateTimeOffset? Published = null,
    string? Source = null);
