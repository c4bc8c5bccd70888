using ArticleQa.Articles;
using ArticleQa.Evaluation;
using ArticleQa.Retrieval;

namespace ArticleQa.Tests.Evaluation;

public sealed class RetrievalEvaluatorTests
{
    private static readonly ArticleInfo Article = new("news/a", "A", "news/a.txt", "hash");

    [Fact]
    public async Task EvaluateAsync_HitsAtRanksOneThreeNoneSeven_ComputesRecallAndMrr()
    {
        int?[] ranks = [1, 3, null, 7];
        var questions = ranks.Select((_, i) => Question($"q{i}", evidence: $"Evidence sentence {i}.")).ToList();
        var search = SearchWithEvidenceAt(questions, ranks, passageCount: 10);

        var evaluation = await RetrievalEvaluator.EvaluateAsync(
            questions, search, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(4, evaluation.QuestionCount);
        Assert.Equal(0.25, evaluation.RecallAt1, 12);
        Assert.Equal(0.5, evaluation.RecallAt5, 12);
        Assert.Equal(0.75, evaluation.RecallAt10, 12);
        Assert.Equal((1 + 1.0 / 3 + 1.0 / 7) / 4, evaluation.MrrAt10, 12);
        Assert.Equal(ranks, evaluation.Results.Select(result => result.Rank));
        Assert.Equal(["q0", "q1", "q2", "q3"], evaluation.Results.Select(result => result.Id));
    }

    [Fact]
    public async Task EvaluateAsync_HitBelowRankTen_IsNotCounted()
    {
        var questions = new[] { Question("q", evidence: "Deep evidence.") };
        var search = SearchWithEvidenceAt(questions, [11], passageCount: 12);

        var evaluation = await RetrievalEvaluator.EvaluateAsync(
            questions, search, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Null(Assert.Single(evaluation.Results).Rank);
        Assert.Equal(0, evaluation.RecallAt10);
        Assert.Equal(0, evaluation.MrrAt10);
    }

    [Fact]
    public async Task EvaluateAsync_UnanswerableQuestion_IsSkipped()
    {
        var searched = new List<string>();
        var questions = new[]
        {
            Question("a", evidence: "Found here."),
            new EvalQuestion("u", "Not covered?", [], "", Answerable: false),
        };

        var evaluation = await RetrievalEvaluator.EvaluateAsync(
            questions,
            (query, _, _) =>
            {
                searched.Add(query);
                return Task.FromResult<IReadOnlyList<RetrievedPassage>>([Retrieved("Found here.", 0)]);
            },
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(["Question a?"], searched);
        Assert.Equal(1, evaluation.QuestionCount);
        Assert.Equal(1, evaluation.RecallAt1);
    }

    [Fact]
    public async Task EvaluateAsync_NoQuestions_ReturnsZeroFigures()
    {
        var evaluation = await RetrievalEvaluator.EvaluateAsync(
            [], (_, _, _) => throw new InvalidOperationException("not searched"),
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(new RetrievalEvaluation(0, 0, 0, 0, 0, evaluation.Results), evaluation);
        Assert.Empty(evaluation.Results);
    }

    [Fact]
    public async Task EvaluateAsync_WithProgress_AsksForTopTenAndReportsEachQuestion()
    {
        var questions = new[] { Question("a", evidence: "A."), Question("b", evidence: "B.") };
        var topKs = new List<int>();
        var progress = new RecordingProgress();

        await RetrievalEvaluator.EvaluateAsync(
            questions,
            (_, topK, _) =>
            {
                topKs.Add(topK);
                return Task.FromResult<IReadOnlyList<RetrievedPassage>>([]);
            },
            progress,
            TestContext.Current.CancellationToken);

        Assert.Equal([10, 10], topKs);
        Assert.Equal([1, 2], progress.Reports);
    }

    [Theory]
    [InlineData("The Normans  settled\nin Normandy.", "The Normans settled in Normandy.", 1)]
    [InlineData("Before. The Normans settled in Normandy. After.", " The Normans settled\tin Normandy. ", 1)]
    [InlineData("the normans settled in normandy.", "The Normans settled in Normandy.", null)]
    [InlineData("The Normans settled in Normandy", "The Normans settled in Normandy.", null)]
    public void FirstHitRank_EvidenceAndPassage_ComparesOrdinallyAfterCollapsingWhitespace(
        string passage, string evidence, int? rank)
    {
        var question = Question("q", evidence: evidence, answers: ["Normandy"]);

        Assert.Equal(rank, RetrievalEvaluator.FirstHitRank(question, [Retrieved(passage, 0)]));
    }

    [Fact]
    public void FirstHitRank_NoEvidence_MatchesAnyAnswer()
    {
        var question = Question("q", evidence: "", answers: ["Rollo", "911"]);
        IReadOnlyList<RetrievedPassage> passages = [Retrieved("Nothing here.", 0), Retrieved("In 911 they came.", 1)];

        Assert.Equal(2, RetrievalEvaluator.FirstHitRank(question, passages));
    }

    [Fact]
    public void FirstHitRank_EvidenceGiven_IgnoresAnswersElsewhere()
    {
        var question = Question("q", evidence: "Rollo agreed in 911.", answers: ["911"]);
        IReadOnlyList<RetrievedPassage> passages = [Retrieved("Other text from 911.", 0), Retrieved("So Rollo agreed in 911. Then.", 1)];

        Assert.Equal(2, RetrievalEvaluator.FirstHitRank(question, passages));
    }

    private static EvalQuestion Question(string id, string evidence, IReadOnlyList<string>? answers = null) =>
        new(id, $"Question {id}?", answers ?? ["answer"], evidence, Answerable: true);

    private static RetrievedPassage Retrieved(string text, int ordinal) =>
        new(new Passage(Article.Id, ordinal, 0, text.Length, text), Article, 1.0 / (ordinal + 1));

    // Every question gets passageCount filler passages, with its evidence inside the one at the given 1-based rank.
    private static Func<string, int, CancellationToken, Task<IReadOnlyList<RetrievedPassage>>> SearchWithEvidenceAt(
        IReadOnlyList<EvalQuestion> questions, int?[] ranks, int passageCount)
    {
        var results = new Dictionary<string, IReadOnlyList<RetrievedPassage>>();
        for (var q = 0; q < questions.Count; q++)
        {
            results[questions[q].Question] = Enumerable.Range(0, passageCount)
                .Select(i => Retrieved(i + 1 == ranks[q] ? $"Lead in. {questions[q].Evidence} Tail." : $"Filler {i}.", i))
                .ToList();
        }

        return (query, _, _) => Task.FromResult(results[query]);
    }
}
