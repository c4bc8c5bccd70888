using ArticleQa.Articles;

namespace ArticleQa.Retrieval;

/// <summary>A passage found for a query, with its article and its relevance score (higher is better).</summary>
public sealed record RetrievedPassage(Passage Passage, Article Article, double Score);
