using System.Globalization;
using System.Text;
using System.Text.Json;
using ArticleQa.Evaluation;
using ArticleQa.Retrieval;

namespace ArticleBot.Cli;

/// <summary>The figures of one <c>eval</c> run, as text (per question, then totals) or JSON.</summary>
internal sealed record EvalReport(RetrievalEvaluation Retrieval, RetrievalMode Mode, AnswerEvaluation? Answers)
{
    public string ToText()
    {
        var text = new StringBuilder();
        if (Answers is { } answers)
        {
            foreach (var r in answers.Results.OrderBy(r => r.Passed))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"{(r.Passed ? "pass" : "FAIL")}  {r.Id}  answer {Mark(r.Answerable ? r.AnswerCorrect : r.Abstained)} citation {Mark(!r.Answerable || r.CitationCorrect)} F1 {r.F1:0.00} {r.LatencyMs,6:0} ms  {r.Question}");
                text.AppendLine(CultureInfo.InvariantCulture, $"      -> {r.Answer}{(r.CondensedQuery != r.Question ? $"   (query: {r.CondensedQuery})" : "")}");
            }

            text.AppendLine();
        }

        var e = Retrieval;
        text.AppendLine(CultureInfo.InvariantCulture, $"Retrieval ({Mode.ToString().ToLowerInvariant()}), {e.QuestionCount} questions: recall@1 {e.RecallAt1:0.000}  recall@5 {e.RecallAt5:0.000}  recall@10 {e.RecallAt10:0.000}  MRR@10 {e.MrrAt10:0.000}");
        if (Answers is { } a)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Answers, {a.Questions} questions ({a.Answerable} answerable, {a.Unanswerable} not): accuracy {a.AnswerAccuracy:0.000}  token F1 {a.MeanF1:0.000}  citation accuracy {a.CitationAccuracy:0.000}  abstention precision {Figure(a.AbstentionPrecision)}  recall {Figure(a.AbstentionRecall)}");
            text.AppendLine(CultureInfo.InvariantCulture, $"Latency p50 {a.LatencyP50Ms:0} ms  p95 {a.LatencyP95Ms:0} ms; prompts {string.Join(", ", a.PromptHashes)}{(a.Complete ? "" : "; STOPPED EARLY")}");
            AppendCurve(text, AbstentionCurve.Compute(a.Results));
        }

        return text.ToString().TrimEnd();
    }

    public string ToJson() => JsonSerializer.Serialize(
        new
        {
            retrieval = new
            {
                mode = Mode.ToString().ToLowerInvariant(),
                questions = Retrieval.QuestionCount,
                recallAt1 = Round(Retrieval.RecallAt1),
                recallAt5 = Round(Retrieval.RecallAt5),
                recallAt10 = Round(Retrieval.RecallAt10),
                mrrAt10 = Round(Retrieval.MrrAt10),
                perQuestion = Retrieval.Results.Select(r => new { id = r.Id, rank = r.Rank, topScore = Round(r.TopScore) }),
            },
            answers = Answers is not { } a ? null : new
            {
                questions = a.Questions,
                answerable = a.Answerable,
                unanswerable = a.Unanswerable,
                accuracy = Round(a.AnswerAccuracy),
                tokenF1 = Round(a.MeanF1),
                citationAccuracy = Round(a.CitationAccuracy),
                abstentionPrecision = a.AbstentionPrecision is { } p ? Round(p) : (double?)null,
                abstentionRecall = a.AbstentionRecall is { } r ? Round(r) : (double?)null,
                latencyP50Ms = Math.Round(a.LatencyP50Ms),
                latencyP95Ms = Math.Round(a.LatencyP95Ms),
                promptHashes = a.PromptHashes,
                complete = a.Complete,
                perQuestion = a.Results,
            },
        },
        AnswerJson.Options);

    private static void AppendCurve(StringBuilder text, IReadOnlyList<AbstentionPoint> curve)
    {
        if (curve.Count == 0)
        {
            return;
        }

        text.AppendLine("Abstaining below confidence t (Local model):  t     abstention precision  recall  answer accuracy");
        foreach (var p in curve)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"                                               {p.Threshold:0.00}  {Figure(p.Precision),9}  {Figure(p.Recall),14}  {p.AnswerAccuracy,9:0.000}");
        }
    }

    private static double Round(double value) => Math.Round(value, 4);

    private static string Mark(bool ok) => ok ? "ok " : "no ";

    private static string Figure(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "n/a";
}
