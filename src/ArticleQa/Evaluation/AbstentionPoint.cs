namespace ArticleQa.Evaluation;

/// <summary>Abstention precision and recall if the model abstained below <paramref name="Threshold"/> confidence (null when undefined).</summary>
public sealed record AbstentionPoint(double Threshold, double? Precision, double? Recall, double AnswerAccuracy);
