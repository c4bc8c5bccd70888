using ArticleQa.Articles;
using ArticleQa.Ranking;
using ArticleQa.Retrieval;
using ArticleQa.Tests.Fakes;

namespace ArticleQa.Tests.Ranking;

/// <summary>The passage ranker's sentence cosines: one per sentence, from the local MiniLM whatever the index embeds with.</summary>
public sealed class SentenceCosinesTests
{
    private const string Question = "Who will travel to Moscow next week?";

    private static readonly RetrievedPassage[] Passages =
    [
        Source("a", "Putin spoke to reporters in Bishkek. Steve Witkoff will travel to Moscow next week. The draft had 28 points."),
        Source("b", "The initial US plan called for elections within 100 days."),
    ];

    private static RetrievedPassage Source(string id, string text) =>
        new(new Passage(id, 0, 0, text.Length, text), new ArticleInfo(id, id, id + ".txt", "h"), 0.9);

    [Fact]
    public async Task OfAsync_TwoPassages_OneCosinePerSentenceAndTheAnsweringSentenceHighest()
    {
        using var miniLm = new MiniLmEmbeddingGenerator();
        using var cosines = new SentenceCosines(miniLm);

        var result = await cosines.OfAsync(Question, miniLm.Embed(Question), Passages, TestContext.Current.CancellationToken);

        Assert.Equal([3, 1], result.Select(r => r.Length));
        Assert.Equal(1, Array.IndexOf(result[0], result[0].Max()));
        Assert.True(result[0][1] > result[1][0], $"the answering sentence {result[0][1]:0.000} against another passage's {result[1][0]:0.000}");
        Assert.All(result.SelectMany(r => r), c => Assert.InRange(c, -1.0001f, 1.0001f));
    }

    [Fact]
    public async Task OfAsync_IndexEmbedsWithAnotherModel_TheSameCosinesAsWithMiniLm()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var miniLm = new MiniLmEmbeddingGenerator();
        using var withMiniLm = new SentenceCosines(miniLm);
        using var withOther = new SentenceCosines(new FakeEmbeddingGenerator());

        var expected = await withMiniLm.OfAsync(Question, miniLm.Embed(Question), Passages, cancellationToken);
        // The other model's query vector is not MiniLM's, so it is left unused and the question embedded with MiniLM.
        var actual = await withOther.OfAsync(Question, FakeEmbeddingGenerator.Vector(Question), Passages, cancellationToken);

        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i], actual[i], (a, b) => Math.Abs(a - b) < 1e-5f);
        }
    }

    [Fact]
    public async Task OfAsync_AfterClear_GivesTheSameCosines()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var miniLm = new MiniLmEmbeddingGenerator();
        using var cosines = new SentenceCosines(miniLm);
        var vector = miniLm.Embed(Question);
        var first = await cosines.OfAsync(Question, vector, Passages, cancellationToken);

        var cached = await cosines.OfAsync(Question, vector, Passages, cancellationToken);
        cosines.Clear();
        var fresh = await cosines.OfAsync(Question, vector, Passages, cancellationToken);

        Assert.Equal(first, cached);
        Assert.Equal(first, fresh);
    }

    [Fact]
    public void Extract_CosinesForAnotherNumberOfCandidates_IsRefused()
    {
        var e = Assert.Throws<ArgumentException>(() => PassageFeatures.Extract(Question, Passages, _ => new Dictionary<string, double>(), [[0.5f]]));

        Assert.Contains("1 rows of sentence cosines for 2 candidates", e.Message, StringComparison.Ordinal);
    }
}
