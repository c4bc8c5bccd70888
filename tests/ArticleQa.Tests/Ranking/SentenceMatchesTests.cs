using ArticleQa.Articles;
using ArticleQa.Ranking;
using ArticleQa.Retrieval;
using ArticleQa.Tests.Fakes;

namespace ArticleQa.Tests.Ranking;

/// <summary>
/// The passage ranker's sentence matches: a cosine and a soft token alignment per sentence, from the local MiniLM
/// whatever the index embeds with.
/// </summary>
public sealed class SentenceMatchesTests
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
    public async Task OfAsync_TwoPassages_OneCosineAndAlignmentPerSentenceAndTheAnsweringSentenceHighest()
    {
        using var miniLm = new MiniLmEmbeddingGenerator();
        using var sentences = new SentenceMatches(miniLm);

        var result = await sentences.OfAsync(Question, Passages, TestContext.Current.CancellationToken);

        Assert.Equal([3, 1], result.Select(r => r.Cosines.Length));
        Assert.Equal([3, 1], result.Select(r => r.Alignments.Length));
        Assert.Equal(1, Array.IndexOf(result[0].Cosines, result[0].Cosines.Max()));
        Assert.Equal(1, Array.IndexOf(result[0].Alignments, result[0].Alignments.Max()));
        Assert.True(result[0].Cosines[1] > result[1].Cosines[0], $"the answering sentence {result[0].Cosines[1]:0.000} against another passage's {result[1].Cosines[0]:0.000}");
        Assert.True(result[0].PassageAlignment > result[1].PassageAlignment, $"passage alignment {result[0].PassageAlignment:0.000} against {result[1].PassageAlignment:0.000}");
        // Aligned against all its sentences, a passage aligns at least as well as with its best sentence alone.
        Assert.True(result[0].PassageAlignment >= result[0].Alignments.Max() - 1e-6f);
        Assert.All(result.SelectMany(r => r.Cosines.Concat(r.Alignments)), c => Assert.InRange(c, -1.0001f, 1.0001f));
    }

    [Fact]
    public async Task OfAsync_IndexEmbedsWithAnotherModel_TheSameMatchesAsWithMiniLm()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var miniLm = new MiniLmEmbeddingGenerator();
        using var withMiniLm = new SentenceMatches(miniLm);
        using var withOther = new SentenceMatches(new FakeEmbeddingGenerator());

        var expected = await withMiniLm.OfAsync(Question, Passages, cancellationToken);
        var actual = await withOther.OfAsync(Question, Passages, cancellationToken);

        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Cosines, actual[i].Cosines, (a, b) => Math.Abs(a - b) < 1e-5f);
            Assert.Equal(expected[i].Alignments, actual[i].Alignments, (a, b) => Math.Abs(a - b) < 1e-3f);
            Assert.Equal(expected[i].PassageAlignment, actual[i].PassageAlignment, 1e-3f);
        }
    }

    [Fact]
    public async Task OfAsync_KeptSentencesAndAfterClear_TheSameMatches()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var miniLm = new MiniLmEmbeddingGenerator();
        using var sentences = new SentenceMatches(miniLm);
        var first = await sentences.OfAsync(Question, Passages, cancellationToken);

        // The second passage again, beside one not seen: the kept sentences are matched to the right texts.
        var kept = await sentences.OfAsync(Question, [Source("c", "Talks took place in Geneva."), Passages[1]], cancellationToken);
        sentences.Clear();
        var fresh = await sentences.OfAsync(Question, Passages, cancellationToken);

        Assert.Equal(first[1].Cosines, kept[1].Cosines);
        Assert.Equal(first[1].Alignments, kept[1].Alignments);
        Assert.Equal(first.SelectMany(m => m.Cosines), fresh.SelectMany(m => m.Cosines));
    }

    [Fact]
    public void Extract_MatchesForAnotherNumberOfCandidates_IsRefused()
    {
        var e = Assert.Throws<ArgumentException>(() => PassageFeatures.Extract(Question, Passages, _ => new Dictionary<string, double>(), [new PassageSentenceMatch([0.5f], [0.5f], 0.5f)]));

        Assert.Contains("Sentence matches for 1 passages, but 2 candidates", e.Message, StringComparison.Ordinal);
    }
}
