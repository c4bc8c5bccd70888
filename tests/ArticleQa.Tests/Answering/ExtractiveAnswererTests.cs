using ArticleQa.Answering;
using ArticleQa.Tests.Fakes;

namespace ArticleQa.Tests.Answering;

public sealed class ExtractiveAnswererTests
{
    private static readonly SourcesBlock.Source[] Sources =
    [
        new(1, "Putin on the plan", "Putin spoke in Bishkek on Thursday.\nThe plan has 28 points."),
        new(2, "Envoy", "Steve Witkoff will travel to Moscow next week. He will meet Putin."),
    ];

    private static readonly ExtractiveAnswerer Answerer = new(new FakeEmbeddingGenerator());

    private static Task<string> AnswerAsync(string question, IReadOnlyList<SourcesBlock.Source>? sources = null) =>
        Answerer.AnswerAsync(question, sources ?? Sources, TestContext.Current.CancellationToken);

    [Fact]
    public async Task AnswerAsync_QuestionCoveredBySecondSource_CitesThatSource()
    {
        Assert.Equal("Steve Witkoff will travel to Moscow next week [2].", await AnswerAsync("Who will travel to Moscow next week?"));
    }

    [Fact]
    public async Task AnswerAsync_HeadlineWithoutPeriod_IsItsOwnSentence()
    {
        Assert.Equal("The plan has 28 points [1].", await AnswerAsync("How many points does the plan have?"));
    }

    [Fact]
    public async Task AnswerAsync_WhereQuestion_PrefersTheSentenceWithAPlace()
    {
        SourcesBlock.Source[] sources =
        [
            new(1, "A", "Putin spoke about the plan on Thursday."),
            new(2, "B", "Putin spoke to reporters in Bishkek."),
        ];

        Assert.Equal("Putin spoke to reporters in Bishkek [2].", await AnswerAsync("Where did Putin speak?", sources));
    }

    [Theory]
    [InlineData("What is the capital of France?")]
    [InlineData("What did Zelensky say about the plan?")]
    [InlineData("Who?")]
    [InlineData("")]
    public async Task AnswerAsync_NothingFitsOrUnknownName_SaysNotCovered(string question)
    {
        Assert.Equal(Answer.NotCovered, await AnswerAsync(question));
    }

    [Fact]
    public async Task AnswerAsync_NoSources_SaysNotCovered()
    {
        Assert.Equal(Answer.NotCovered, await AnswerAsync("Who will travel to Moscow?", []));
    }

    [Theory]
    [InlineData("He left.", "He left [3].")]
    [InlineData("He left", "He left [3].")]
    [InlineData("Did he leave?", "Did he leave [3]?")]
    [InlineData("“We agree,” he said.", "“We agree,” he said [3].")]
    public void WithMarkers_Sentence_MarkerBeforeFinalPunctuation(string sentence, string expected)
    {
        Assert.Equal(expected, CitationParser.WithMarkers(sentence, [3]));
    }
}
