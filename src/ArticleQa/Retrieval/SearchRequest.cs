namespace ArticleQa.Retrieval;

/// <summary>How one search ranks and cuts: top-k, fusion weights, mode and optional filter.</summary>
public sealed record SearchRequest(
    int TopK,
    double DenseWeight = RetrievalOptions.DefaultDenseWeight,
    double LexicalWeight = RetrievalOptions.DefaultLexicalWeight,
    RetrievalMode Mode = RetrievalMode.Hybrid,
    SearchFilter? Filter = null);
