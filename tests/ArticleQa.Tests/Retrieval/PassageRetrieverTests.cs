using ArticleQa.Retrieval;
using ArticleQa.Tests.Fakes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace ArticleQa.Tests.Retrieval;

public sealed class PassageRetrieverTests : IDisposable
{
    private readonly DirectoryInfo _articles = Directory.CreateTempSubdirectory("filter-");

    public PassageRetrieverTests()
    {
        File.WriteAllText(Path.Combine(_articles.FullName, "old.md"), "---\ntitle: Old harvest\npublished: 2024-05-01\n---\n\nThe wheat harvest in Ukraine was large.");
        File.WriteAllText(Path.Combine(_articles.FullName, "new.md"), "---\ntitle: New harvest\npublished: 2025-06-01\n---\n\nThe wheat harvest in Ukraine was small.");
    }

    private ServiceProvider Engine() => TestEngine.Create(
        new Dictionary<string, string?> { ["Articles:Path"] = _articles.FullName },
        s => s.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(new FakeEmbeddingGenerator()));

    [Fact]
    public async Task SearchAsync_NoFilter_FindsBothArticles()
    {
        await using var engine = Engine();

        var hits = await engine.GetRequiredService<PassageRetriever>().SearchAsync("wheat harvest Ukraine", 5, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(["new", "old"], hits.Select(h => h.Article.Id).Order());
    }

    [Fact]
    public async Task SearchAsync_ArticleFilter_OnlyThoseArticles()
    {
        await using var engine = Engine();

        var hits = await engine.GetRequiredService<PassageRetriever>().SearchAsync(
            "wheat harvest Ukraine", 5, new SearchFilter(ArticleIds: new HashSet<string> { "old" }), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(["old"], hits.Select(h => h.Article.Id));
    }

    [Fact]
    public async Task SearchAsync_DateRange_OnlyArticlesPublishedInIt()
    {
        await using var engine = Engine();
        var from = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

        var hits = await engine.GetRequiredService<PassageRetriever>().SearchAsync(
            "wheat harvest Ukraine", 5, new SearchFilter(PublishedFrom: from), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(["new"], hits.Select(h => h.Article.Id));
    }

    [Theory]
    [InlineData(RetrievalMode.Lexical)]
    [InlineData(RetrievalMode.Dense)]
    [InlineData(RetrievalMode.Hybrid)]
    public async Task SearchAsync_EveryMode_ScoresBetweenZeroAndOneBestFirst(RetrievalMode mode)
    {
        await using var engine = Engine();

        var hits = await engine.GetRequiredService<PassageRetriever>().SearchAsync("wheat harvest Ukraine small", 5, mode: mode, cancellationToken: TestContext.Current.CancellationToken);

        Assert.NotEmpty(hits);
        Assert.All(hits, h => Assert.InRange(h.Score, 0, 1.0001));
        Assert.Equal(hits.Select(h => h.Score).OrderDescending(), hits.Select(h => h.Score));
    }

    public void Dispose() => _articles.Delete(recursive: true);
}
