namespace ArticleQa.Evaluation;

/// <summary>
/// Answer quality over a question set. Accuracy, F1 and citation accuracy are over answerable questions (an abstention
/// counts as wrong); abstention precision and recall are about the unanswerable ones (null when undefined).
/// </summary>
public sealed record AnswerEvaluation(
    int Questions,
    int Answerable,
    int Unanswerable,
    double AnswerAccuracy,
    double MeanF1,
    double CitationAccuracy,
    double? AbstentionPrecision,
    double? AbstentionRecall,
    double LatencyP50Ms,
    double LatencyP95Ms,
    IReadOnlyList<string> PromptHashes,
    bool Complete,
    IReadOnlyList<QuestionAnswerResult> Results);
