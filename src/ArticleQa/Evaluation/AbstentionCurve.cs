namespace ArticleQa.Evaluation;

/// <summary>
/// Abstention precision/recall over a range of thresholds on the Local model's confidence: at threshold t a question
/// counts as abstained when its confidence is below t (no confidence, e.g. no passage at all: abstained). Answer
/// accuracy at t counts an answerable question right when it would still be answered and the answer this run gave
/// was right (so below the run's operating point it is a lower bound: answers not given were not scored).
/// Empty when no answer carries a confidence (real LLMs). An answer the Local model's rules for a question's form give
/// when the abstention model would not answer (a count, what someone said about something) keeps that model's
/// confidence, under the operating point, so the curve counts it as abstained at thresholds above its confidence.
/// </summary>
public static class AbstentionCurve
{
    public static IReadOnlyList<AbstentionPoint> Compute(IReadOnlyList<QuestionAnswerResult> results, int steps = 19)
    {
        ArgumentNullException.ThrowIfNull(results);
        var scored = results.Where(r => r.Scored).ToList();
        if (!scored.Exists(r => r.Confidence is not null))
        {
            return [];
        }

        return Enumerable.Range(1, steps).Select(i => (double)i / (steps + 1)).Select(t => At(scored, t)).ToList();
    }

    private static AbstentionPoint At(List<QuestionAnswerResult> results, double threshold)
    {
        bool Abstains(QuestionAnswerResult r) => (r.Confidence ?? 0) < threshold;
        var abstained = results.Where(Abstains).ToList();
        var unanswerable = results.Count(r => !r.Answerable);
        var answerable = results.Count - unanswerable;
        var right = abstained.Count(r => !r.Answerable);
        return new AbstentionPoint(
            threshold,
            abstained.Count == 0 ? null : (double)right / abstained.Count,
            unanswerable == 0 ? null : (double)right / unanswerable,
            answerable == 0 ? 0 : (double)results.Count(r => r.Answerable && !Abstains(r) && r.AnswerCorrect) / answerable);
    }
}
