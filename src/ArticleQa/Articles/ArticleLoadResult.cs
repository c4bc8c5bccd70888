namespace ArticleQa.Articles;

/// <summary>What the loader made of every article file of a folder, in folder order.</summary>
public sealed record ArticleLoadResult(IReadOnlyList<ArticleFile> Files)
{
    /// <summary>The articles read (not those the caller already held unchanged).</summary>
    public IReadOnlyList<Article> Articles { get; } = Files.Select(f => f.Article).OfType<Article>().ToList();

    /// <summary>The files that could not be used, each with the reason.</summary>
    public IReadOnlyList<SkippedFile> Skipped { get; } = Files.Where(f => f.SkipReason is not null).Select(f => new SkippedFile(f.FilePath, f.SkipReason!)).ToList();
}

/// <summary>A file the loader could not use, and why.</summary>
public sealed record SkippedFile(string FilePath, string Reason);
