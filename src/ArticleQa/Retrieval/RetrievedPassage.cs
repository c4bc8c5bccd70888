using ArticleQa.Articles;

namespace ArticleQa.Retrieval;

/// <summary>A passage found for a query, with its article and its relevance score (higher is better, 0..1).</summary>
public sealed record RetrievedPassage(Passage Passage, ArticleInfo Article, double Score);
