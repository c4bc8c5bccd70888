namespace ArticleQa.Training;

/// <summary>The dev-split figures of a training run, as written into the cards.</summary>
public sealed record TrainingResult(IReadOnlyDictionary<string, double> DevFigures, IReadOnlyList<(double Threshold, double Accuracy, double AbstentionRecall, double AbstentionPrecision)> Curve);
