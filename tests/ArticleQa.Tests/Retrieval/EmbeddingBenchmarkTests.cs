using ArticleQa.Retrieval;

namespace ArticleQa.Tests.Retrieval;

public sealed class EmbeddingBenchmarkTests(MiniLmEmbeddingGeneratorFixture fixture)
{
    private static readonly string[] _sentences =
    [
        "The minister said the talks would resume in Geneva on Monday.",
        "Officials declined to say how long the delegation would stay.",
        "Markets rose slightly after the announcement.",
        "Opposition leaders called the plan a distraction from rising prices.",
    ];

    [Fact]
    public async Task RunAsync_Passages_ReportsCountsAndFigures()
    {
        var passages = EmbeddingBenchmark.CreatePassages(_sentences, count: 5, wordPieces: 40);

        var result = await EmbeddingBenchmark.RunAsync(fixture.Quantized, passages, TestContext.Current.CancellationToken);

        Assert.Equal(5, result.Passages);
        Assert.Equal(passages.Average(MiniLmEmbeddingGenerator.CountWordPieces), result.MeanWordPieces, 6);
        Assert.True(result.PassagesPerSecond > 0);
        Assert.True(result.ElapsedMs > 0);
        Assert.True(result.PeakWorkingSetMb > 0);
        Assert.True(result.QueryP50Ms > 0 && result.QueryP50Ms <= result.QueryP95Ms);
    }

    [Fact]
    public async Task RunAsync_NoTexts_ThrowsArgumentOutOfRangeException()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => EmbeddingBenchmark.RunAsync(fixture.Quantized, [], TestContext.Current.CancellationToken));
    }

    [Fact]
    public void CreatePassages_Sentences_ReachesTargetWordPiecesAndCount()
    {
        var passages = EmbeddingBenchmark.CreatePassages(_sentences, count: 7, wordPieces: 60);

        // The sentences have 7 to 12 word-pieces: a passage is off by at most half of one, rounded up.
        Assert.Equal(7, passages.Count);
        Assert.All(passages, passage => Assert.InRange(MiniLmEmbeddingGenerator.CountWordPieces(passage), 60 - 7, 60 + 7));
    }

    [Fact]
    public void CreatePassages_SameInput_SamePassages()
    {
        Assert.Equal(
            EmbeddingBenchmark.CreatePassages(_sentences, 3, 50),
            EmbeddingBenchmark.CreatePassages(_sentences, 3, 50));
    }
}
