using ArticleQa.Articles;

namespace ArticleQa.Retrieval;

/// <summary>A passage found for a query, with its article and its relevance score (higher is better, 0..1).</summary>
/// <param name="Passage">The passage.</param>
/// <param name="Article">Its article.</param>
/// <param name="Score">The fused retrieval score (in dense or lexical mode, that side's score); after reranking, the i-th best fused score of the candidates goes to the passage at rank i, so scores stay best first.</param>
/// <param name="Dense">The query's cosine similarity with the passage, NaN when not computed (lexical mode).</param>
/// <param name="Lexical">The passage's BM25 score scaled by the query's reachable maximum, NaN when not computed (dense mode).</param>
public sealed record RetrievedPassage(Passage Passage, ArticleInfo Article, double Score, double Dense = double.NaN, double Lexical = double.NaN);
