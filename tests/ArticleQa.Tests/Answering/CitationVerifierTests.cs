using ArticleQa.Answering;
using ArticleQa.Articles;
using ArticleQa.Retrieval;
using Microsoft.Extensions.Options;

namespace ArticleQa.Tests.Answering;

public sealed class CitationVerifierTests
{
    private static readonly RetrievedPassage[] Sources =
    [
        Source("a", "Steve Witkoff will travel to Moscow next week to discuss the deal."),
        Source("b", "Talks between US and Ukrainian officials took place in Geneva."),
    ];

    private static readonly CitationVerifier Verifier = new(Options.Create(new AnsweringOptions()));

    private static RetrievedPassage Source(string id, string text) =>
        new(new Passage(id, 0, 0, text.Length, text), new ArticleInfo(id, id, id + ".txt", "h"), 0.9);

    [Fact]
    public void Verify_SupportedSentence_KeepsItsMarker()
    {
        var (text, check) = Verifier.Verify("Witkoff will travel to Moscow next week [1].", Sources);

        Assert.Equal("Witkoff will travel to Moscow next week [1].", text);
        Assert.Equal(CitationCheck.None, check);
    }

    private static RetrievedPassage Dated(string text) => new(
        new Passage("t#3", 0, 0, text.Length, text),
        new ArticleInfo("t", "Talks Stall in Geneva", "t.md", "h", Author: "Jane Roe", Published: new DateTimeOffset(2025, 11, 28, 0, 0, 0, TimeSpan.Zero)),
        1);

    [Theory]
    [InlineData("Jane Roe wrote “Talks Stall in Geneva” on 2025-11-28 [1].")]
    [InlineData("“Talks Stall in Geneva” came out on November 28, 2025 [1].")]
    public void Verify_SentenceQuotingTheHeader_SupportedByTheTitleDateAndAuthorTheModelSaw(string sentence)
    {
        var (verified, check) = Verifier.Verify(sentence, [Dated("Negotiators left without an agreement.")]);

        Assert.Equal(sentence, verified);
        Assert.Equal(CitationCheck.None, check);
    }

    [Fact]
    public void Verify_SentenceSharingOnlyTheTitlesWords_NotBackedByEveryPassageOfTheArticle()
    {
        // Most of its words are the title's, but it does not quote the title: this passage does not say it.
        var (verified, check) = Verifier.Verify("Talks in Geneva stall again [1].", [Dated("Negotiators left without an agreement.")]);

        Assert.Equal("", verified);
        Assert.Equal(new CitationCheck(Removed: 1, Moved: 0, DroppedSentences: 1), check);
    }

    [Fact]
    public void Verify_MisattributedSentence_MovesTheMarkerToTheSupportingSource()
    {
        var (text, check) = Verifier.Verify("The talks took place in Geneva [1].", Sources);

        Assert.Equal("The talks took place in Geneva [2].", text);
        Assert.Equal(new CitationCheck(Removed: 0, Moved: 1, DroppedSentences: 0), check);
    }

    [Fact]
    public void Verify_UnsupportedSentence_IsDroppedWithItsMarker()
    {
        var (text, check) = Verifier.Verify("Witkoff will travel to Moscow [1]. Zelensky rejected the plan outright [2].", Sources);

        Assert.Equal("Witkoff will travel to Moscow [1].", text);
        Assert.Equal(new CitationCheck(Removed: 1, Moved: 0, DroppedSentences: 1), check);
    }

    [Fact]
    public void Verify_OneOfTwoMarkersUnsupported_RemovesOnlyThatOne()
    {
        var (text, check) = Verifier.Verify("Witkoff will travel to Moscow next week [1][2].", Sources);

        Assert.Equal("Witkoff will travel to Moscow next week [1].", text);
        Assert.Equal(new CitationCheck(Removed: 1, Moved: 0, DroppedSentences: 0), check);
    }

    [Fact]
    public void Verify_ShortConnective_KeptWithoutMarker()
    {
        var (text, _) = Verifier.Verify("In short: Witkoff will travel to Moscow [1].", Sources);

        Assert.Contains("[1]", text, StringComparison.Ordinal);
    }
}
