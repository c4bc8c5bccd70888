namespace ArticleQa.Retrieval;

/// <summary>
/// Reorders a question's fused candidates (the learned passage ranker, <c>ArticleQa.Ranking.PassageRanker</c>);
/// <see cref="PassageRetriever"/> asks it for <see cref="Candidates"/> fused passages and keeps the first top-k.
/// </summary>
public interface IPassageReranker
{
    /// <summary>How many fused passages to rerank per question.</summary>
    int Candidates { get; }

    /// <summary>The same passages, best first. <paramref name="index"/> is the snapshot they came from (its term statistics).</summary>
    Task<IReadOnlyList<RetrievedPassage>> RerankAsync(string query, IReadOnlyList<RetrievedPassage> fused, PassageIndex index, CancellationToken cancellationToken = default);
}
