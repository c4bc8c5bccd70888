namespace ArticleQa.Training;

/// <summary>What retrieval training chose: the fusion dense weight (fitted on train), the ranker file when it was kept (null otherwise), and the dev figures.</summary>
internal sealed record RetrievalTrainingResult(double DenseWeight, string? RankerPath, IReadOnlyDictionary<string, double> Figures);
