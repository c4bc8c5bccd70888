namespace ArticleQa.Retrieval;

/// <summary>How one search ranks and cuts: top-k, fusion weights, mode and optional filter.</summary>
public sealed record SearchRequest(
    int TopK,
    double DenseWeight = 0.4,
    double LexicalWeight = 0.6,
    RetrievalMode Mode = RetrievalMode.Hybrid,
    SearchFilter? Filter = null);
