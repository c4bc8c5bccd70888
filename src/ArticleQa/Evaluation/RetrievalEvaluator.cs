using ArticleQa.Retrieval;

namespace ArticleQa.Evaluation;

/// <summary>
/// Measures retrieval against a question file: each answerable question is searched for, and a retrieved passage is a
/// hit when it contains the question's evidence sentence (or, without evidence, one of its answers), compared
/// ordinally after collapsing whitespace. Reports recall@1, @5, @10 and MRR@10. Unanswerable questions are skipped.
/// </summary>
public static class RetrievalEvaluator
{
    /// <summary>How many passages are requested per question, the deepest rank that counts.</summary>
    public const int Depth = 10;

    /// <summary>Searches for every answerable question in turn and scores the ranked passages.</summary>
    /// <param name="questions">The questions, for example from <see cref="QuestionFile"/>.</param>
    /// <param name="search">Returns the ranked passages for a query, at most topK of them.</param>
    /// <param name="progress">Receives the number of questions done after each one.</param>
    /// <param name="cancellationToken">Stops the run between questions and is passed to each search.</param>
    public static async Task<RetrievalEvaluation> EvaluateAsync(
        IEnumerable<EvalQuestion> questions,
        Func<string, int, CancellationToken, Task<IReadOnlyList<RetrievedPassage>>> search,
        IProgress<int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(questions);
        ArgumentNullException.ThrowIfNull(search);
        var results = new List<QuestionRetrievalResult>();
        foreach (var question in questions.Where(question => question.Answerable && question.Scored))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var passages = await search(question.Question, Depth, cancellationToken);
            results.Add(new QuestionRetrievalResult(question.Id, question.Question, FirstHitRank(question, passages)));
            progress?.Report(results.Count);
        }

        return Summarize(results);
    }

    /// <summary>The 1-based rank of the first passage among the top <see cref="Depth"/> that is a hit, or null.</summary>
    internal static int? FirstHitRank(EvalQuestion question, IReadOnlyList<RetrievedPassage> passages)
    {
        var matcher = new EvidenceMatcher(question);
        var depth = Math.Min(Depth, passages.Count);
        for (var index = 0; index < depth; index++)
        {
            if (matcher.IsHit(passages[index].Passage.Text))
            {
                return index + 1;
            }
        }

        return null;
    }

    internal static RetrievalEvaluation Summarize(IReadOnlyList<QuestionRetrievalResult> results)
    {
        if (results.Count == 0)
        {
            return new RetrievalEvaluation(0, 0, 0, 0, 0, results);
        }

        double count = results.Count;
        double RecallAt(int k) => results.Count(result => result.Rank <= k) / count;
        var mrr = results.Sum(result => result.Rank is { } rank ? 1.0 / rank : 0) / count;
        return new RetrievalEvaluation(results.Count, RecallAt(1), RecallAt(5), RecallAt(10), mrr, results);
    }
}
