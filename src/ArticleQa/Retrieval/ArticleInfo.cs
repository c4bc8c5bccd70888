using ArticleQa.Articles;

namespace ArticleQa.Retrieval;

/// <summary>What the index keeps of an article: its metadata for citations and the hash that decides re-embedding.</summary>
public sealed record ArticleInfo(
    string Id,
    string Title,
    string FilePath,
    string ContentHash,
    Uri? Url = null,
    string? Author = null,
    DateTimeOffset? Published = null,
    string? Source = null)
{
    public static ArticleInfo From(Article article, string contentHash)
    {
        ArgumentNullException.ThrowIfNull(article);
        return new ArticleInfo(article.Id, article.Title, article.FilePath, contentHash, article.Url, article.Author, article.Published, article.Source);
    }
}
