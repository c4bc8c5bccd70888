namespace ArticleQa.Evaluation;

/// <summary>Retrieval figures over the answerable questions of an evaluation run.</summary>
/// <param name="QuestionCount">How many answerable questions were evaluated (the denominator of every figure).</param>
/// <param name="RecallAt1">Share of questions with a hit at rank 1.</param>
/// <param name="RecallAt5">Share of questions with a hit in the top 5.</param>
/// <param name="RecallAt10">Share of questions with a hit in the top 10.</param>
/// <param name="MrrAt10">Mean of 1/rank of the first hit, counting 0 when there is none in the top 10.</param>
/// <param name="Results">One result per evaluated question, in input order.</param>
public sealed record RetrievalEvaluation(
    int QuestionCount,
    double RecallAt1,
    double RecallAt5,
    double RecallAt10,
    double MrrAt10,
    IReadOnlyList<QuestionRetrievalResult> Results);
