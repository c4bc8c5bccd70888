namespace ArticleQa.Articles;

/// <summary>
/// One article file as the loader found it: read (<see cref="Article"/>), skipped (<see cref="SkipReason"/>), or
/// <see cref="Reused"/> because the caller already held this exact content.
/// </summary>
/// <param name="Id">The article id (path under the folder without extension).</param>
/// <param name="FilePath">The file.</param>
/// <param name="ContentHash">SHA-256 of the file's bytes (lower-case hex); null when the file could not be read.</param>
/// <param name="Article">The article read from it, unless skipped or reused.</param>
/// <param name="SkipReason">Why the file could not be used; null when it could.</param>
public sealed record ArticleFile(string Id, string FilePath, string? ContentHash, Article? Article, string? SkipReason)
{
    public bool Reused => Article is null && SkipReason is null;
}
