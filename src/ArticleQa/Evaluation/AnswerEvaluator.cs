using ArticleQa.Answering;
using ArticleQa.Retrieval;

namespace ArticleQa.Evaluation;

/// <summary>
/// Runs questions and conversations through the same answering path the bot uses and scores the answers: a gold
/// answer string in the answer (case-insensitive), SQuAD token F1, a cited passage containing the evidence, and
/// abstention on unanswerable questions. Ctrl+C (cancellation) stops between questions and returns what was done.
/// </summary>
public static class AnswerEvaluator
{
    public static async Task<AnswerEvaluation> EvaluateAsync(
        IReadOnlyList<EvalQuestion> questions,
        IReadOnlyList<EvalConversation> conversations,
        Func<string, Conversation, CancellationToken, Task<Answer>> answer,
        IProgress<int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(questions);
        ArgumentNullException.ThrowIfNull(conversations);
        ArgumentNullException.ThrowIfNull(answer);
        var results = new List<QuestionAnswerResult>();
        try
        {
            foreach (var question in questions)
            {
                cancellationToken.ThrowIfCancellationRequested();
                results.Add(Score(question, await answer(question.Question, new Conversation(), cancellationToken)));
                progress?.Report(results.Count);
            }

            foreach (var conversation in conversations)
            {
                cancellationToken.ThrowIfCancellationRequested();
                results.Add(await ConverseAsync(conversation, answer, cancellationToken));
                progress?.Report(results.Count);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Summarize(results, complete: false);
        }

        return Summarize(results, complete: true);
    }

    private static async Task<QuestionAnswerResult> ConverseAsync(
        EvalConversation conversation,
        Func<string, Conversation, CancellationToken, Task<Answer>> answer,
        CancellationToken cancellationToken)
    {
        // The engine records each turn in the conversation exactly as it does for the bot and chat.
        var history = new Conversation();
        foreach (var turn in conversation.Turns.SkipLast(1))
        {
            await answer(turn, history, cancellationToken);
        }

        var last = await answer(conversation.ScoredTurn, history, cancellationToken);
        return Score(new EvalQuestion(conversation.Id, conversation.ScoredTurn, conversation.Answers, conversation.Evidence, conversation.Answerable), last);
    }

    internal static QuestionAnswerResult Score(EvalQuestion question, Answer answer)
    {
        var plain = CitationParser.WithoutMarkers(answer.Text);
        var answered = !answer.Abstained && !answer.Failed;
        var matcher = new EvidenceMatcher(question);
        return new QuestionAnswerResult(
            question.Id,
            question.Question,
            answer.CondensedQuery,
            answer.Text,
            answer.Citations.Select(c => c.Passage).ToList(),
            question.Answers,
            question.Answerable,
            answer.Abstained,
            question.Answerable && answered && question.Answers.Any(a => plain.Contains(a, StringComparison.OrdinalIgnoreCase)),
            question.Answerable && answered ? question.Answers.Select(a => TokenF1.Score(plain, a)).DefaultIfEmpty(0).Max() : 0,
            question.Answerable && answered && answer.Citations.Any(c => matcher.IsHit(c.Passage)),
            answer.Failed,
            answer.Elapsed.TotalMilliseconds,
            answer.PromptHash,
            question.Scored,
            answer.Confidence);
    }

    internal static AnswerEvaluation Summarize(IReadOnlyList<QuestionAnswerResult> results, bool complete)
    {
        var scored = results.Where(r => r.Scored).ToList();
        var answerable = scored.Where(r => r.Answerable).ToList();
        var abstained = scored.Where(r => r.Abstained).ToList();
        var unanswerable = scored.Count - answerable.Count;
        var rightAbstentions = abstained.Count(r => !r.Answerable);
        var latencies = results.Select(r => r.LatencyMs).Order().ToList();
        return new AnswerEvaluation(
            results.Count,
            answerable.Count,
            unanswerable,
            Share(answerable, r => r.AnswerCorrect),
            answerable.Count == 0 ? 0 : answerable.Average(r => r.F1),
            Share(answerable, r => r.CitationCorrect),
            abstained.Count == 0 ? null : (double)rightAbstentions / abstained.Count,
            unanswerable == 0 ? null : (double)rightAbstentions / unanswerable,
            RetrievalBenchmark.Percentile(latencies, 0.50),
            RetrievalBenchmark.Percentile(latencies, 0.95),
            results.Select(r => r.PromptHash).OfType<string>().Distinct(StringComparer.Ordinal).ToList(),
            complete,
            results);
    }

    private static double Share(List<QuestionAnswerResult> results, Func<QuestionAnswerResult, bool> passed) =>
        results.Count == 0 ? 0 : (double)results.Count(passed) / results.Count;

}
