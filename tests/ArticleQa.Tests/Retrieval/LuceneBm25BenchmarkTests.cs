using ArticleQa.Evaluation;
using ArticleQa.Retrieval;
using ArticleQa.Tests.Fakes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace ArticleQa.Tests.Retrieval;

public sealed class LuceneBm25BenchmarkTests : IDisposable
{
    private static readonly string[] _articleFiles = ["normans.md", "packet-switching.md"];

    private readonly DirectoryInfo _articles = Directory.CreateTempSubdirectory("lucene-peer-");

    public LuceneBm25BenchmarkTests()
    {
        foreach (var file in _articleFiles)
        {
            File.Copy(RepositoryPaths.Combine("tests", "eval", "squad", "articles", file), Path.Combine(_articles.FullName, file));
        }
    }

    [Fact]
    public async Task Run_SquadArticles_BothSidesFindTheEvidenceAndMostlyAgree()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var engine = Engine();
        var index = await IndexAsync(engine, cancellationToken);
        var text = string.Join('\n', Enumerable.Range(0, index.PassageCount).Select(i => index.GetPassage(i).Text));
        var questions = (await QuestionFile.ReadAsync(RepositoryPaths.Combine("tests", "eval", "squad", "questions.jsonl"), cancellationToken)).Questions
            .Where(q => q.Evidence.Length > 0 && text.Contains(q.Evidence, StringComparison.Ordinal))
            .ToList();

        var result = LuceneBm25Benchmark.Run(index, questions, cancellationToken);

        Assert.True(questions.Count > 100, $"{questions.Count} questions");
        Assert.Equal(index.PassageCount, result.Passages);
        Assert.Equal(questions.Count, result.Ours.QuestionCount);
        Assert.Equal(questions.Count, result.Lucene.QuestionCount);

        // SQuAD questions share many words with their paragraph: both BM25s find most evidence in the top 5, and with
        // the same analyser and the same formula they mostly put the same passage first.
        Assert.InRange(result.Ours.RecallAt5, 0.85, 1.0);
        Assert.InRange(result.Lucene.RecallAt5, 0.85, 1.0);
        var sameFirstHit = result.Ours.Results.Zip(result.Lucene.Results).Count(pair => (pair.First.Rank == 1) == (pair.Second.Rank == 1));
        Assert.True(sameFirstHit > 0.9 * questions.Count, $"{sameFirstHit} of {questions.Count} agree on a hit at rank 1");
        Assert.True(result.OursP50Ms <= result.OursP95Ms);
        Assert.True(result.LuceneP50Ms <= result.LuceneP95Ms);
    }

    [Fact]
    public async Task Run_NoQuestions_ReportsZeroQuestions()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var engine = Engine();
        var index = await IndexAsync(engine, cancellationToken);

        var result = LuceneBm25Benchmark.Run(index, [], cancellationToken);

        Assert.Equal(0, result.Ours.QuestionCount);
        Assert.Equal(0, result.Lucene.QuestionCount);
    }

    private ServiceProvider Engine() => TestEngine.Create(
        new Dictionary<string, string?> { ["Articles:Path"] = _articles.FullName },
        s => s.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(new FakeEmbeddingGenerator()));

    private static async Task<PassageIndex> IndexAsync(ServiceProvider engine, CancellationToken cancellationToken)
    {
        var library = engine.GetRequiredService<ArticleLibrary>();
        await library.SyncAsync(null, cancellationToken);
        return await library.GetIndexAsync(cancellationToken);
    }

    public void Dispose() => _articles.Delete(recursive: true);
}
