namespace ArticleQa.Evaluation;

/// <summary>How one question (or the scored last turn of a conversation) was answered, metric by metric.</summary>
public sealed record QuestionAnswerResult(
    string Id,
    string Question,
    string? CondensedQuery,
    string Answer,
    IReadOnlyList<string> CitedPassages,
    IReadOnlyList<string> GoldAnswers,
    bool Answerable,
    bool Abstained,
    bool AnswerCorrect,
    double F1,
    bool CitationCorrect,
    bool Failed,
    double LatencyMs,
    string? PromptHash,
    bool Scored = true,
    double? Confidence = null)
{
    /// <summary>Answerable: right answer with a right citation. Unanswerable: abstained. Unscored questions never fail.</summary>
    public bool Passed => !Scored || (Answerable ? AnswerCorrect && CitationCorrect : Abstained);
}
