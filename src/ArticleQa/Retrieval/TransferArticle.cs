namespace ArticleQa.Retrieval;

/// <summary>An indexed article as an index store keeps it: its metadata and passages in order.</summary>
public sealed record TransferArticle(ArticleInfo Info, IReadOnlyList<TransferPassage> Passages);
