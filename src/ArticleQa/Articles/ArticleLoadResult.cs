namespace ArticleQa.Articles;

/// <summary>The articles read from a folder and the files that were skipped, each with the reason.</summary>
public sealed record ArticleLoadResult(IReadOnlyList<Article> Articles, IReadOnlyList<SkippedFile> Skipped);

/// <summary>A file the loader could not use, and why.</summary>
public sealed record SkippedFile(string FilePath, string Reason);
