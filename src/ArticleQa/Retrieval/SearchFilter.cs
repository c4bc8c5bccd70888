namespace ArticleQa.Retrieval;

/// <summary>Optional restrictions of a search: to some articles, and/or to a published-date range (inclusive).</summary>
public sealed record SearchFilter(IReadOnlySet<string>? ArticleIds = null, DateTimeOffset? PublishedFrom = null, DateTimeOffset? PublishedTo = null)
{
    public static SearchFilter None { get; } = new();

    internal bool IsEmpty => ArticleIds is null && PublishedFrom is null && PublishedTo is null;

    internal bool Allows(ArticleInfo article) =>
        (ArticleIds is null || ArticleIds.Contains(article.Id))
        && (PublishedFrom is null || (article.Published is { } from && from >= PublishedFrom))
        && (PublishedTo is null || (article.Published is { } to && to <= PublishedTo));
}
