using ArticleQa.Answering;
using ArticleQa.Answering.Learning;
using ArticleQa.Tests.Retrieval;
using ArticleQa.Tests.Fakes;

namespace ArticleQa.Tests.Answering;

public sealed class ExtractiveAnswererTests
{
    private static readonly SourcesBlock.Source[] Sources =
    [
        new(1, "Putin on the plan", "Putin spoke in Bishkek on Thursday.\nThe plan has 28 points."),
        new(2, "Envoy", "Steve Witkoff will travel to Moscow next week. He will meet Putin."),
    ];

    private readonly ExtractiveAnswerer _answerer;

    public ExtractiveAnswererTests(MiniLmEmbeddingGeneratorFixture embeddings)
    {
        _answerer = new ExtractiveAnswerer(embeddings.Quantized, LocalModels.Load(LocalModels.DefaultFolder));
    }

    private async Task<string> AnswerAsync(string question, IReadOnlyList<SourcesBlock.Source>? sources = null) =>
        (await _answerer.AnswerAsync(question, sources ?? Sources, turn: null, TestContext.Current.CancellationToken)).Text;

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

        // Two one-line sources without retrieval scores may also be judged too thin to answer from; never the one without a place.
        Assert.Contains(await AnswerAsync("Where did Putin speak?", sources), new[] { "Putin spoke to reporters in Bishkek [2].", Answer.NotCovered });
    }

    [Theory]
    [InlineData("Who is Putin?", "Russian President Vladimir Putin spoke in Bishkek on Thursday [2].")]
    [InlineData("Who is Witkoff?", "The talks were led by the White House envoy, Steve Witkoff [1].")]
    public async Task AnswerAsync_WhoIsAName_TheSentenceThatIntroducesThem(string question, string expected)
    {
        SourcesBlock.Source[] sources =
        [
            new(1, "Putin on the plan", "Putin Meets Witkoff\n\nPutin said Witkoff would come to Moscow. The talks were led by the White House envoy, Steve Witkoff. Putin said more talks were needed."),
            new(2, "Putin in Bishkek", "Russian President Vladimir Putin spoke in Bishkek on Thursday. Putin said the plan could be a basis."),
        ];

        // Any sentence naming the name answers the broad question; the one with the full name and role says who it is.
        Assert.Equal(expected, await AnswerAsync(question, sources));
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

    [Theory]
    [InlineData("Where is Witkoff going?", "What do the articles say about Witkoff?")]
    [InlineData("Who will travel to Moscow next week?", "What do the articles say about Moscow?")]
    [InlineData("What did Steve Witkoff say in Moscow?", "What do the articles say about Steve Witkoff?")]
    [InlineData("Tell me about the elections", null)]
    public void AboutName_Question_TheBroadQuestionAboutItsFirstName(string question, string? expected)
    {
        Assert.Equal(expected, ExtractiveAnswerer.AboutName(question));
    }

    [Fact]
    public async Task AnswerAsync_NoSources_SaysNotCovered()
    {
        Assert.Equal(Answer.NotCovered, await AnswerAsync("Who will travel to Moscow?", []));
    }

    [Fact]
    public async Task AnswerAsync_TurnWithQueryVector_DoesNotEmbedTheQuestionAgain()
    {
        var fake = new FakeEmbeddingGenerator();
        var answerer = new ExtractiveAnswerer(fake, LocalModels.Load(LocalModels.DefaultFolder));
        var question = "Who will travel to Moscow next week?";
        var vector = (await fake.GenerateAsync([question], cancellationToken: TestContext.Current.CancellationToken))[0].Vector;
        fake.Texts.Clear();

        var answer = await answerer.AnswerAsync(question, Sources, new LocalTurn(vector, [0.5, 0.4]), TestContext.Current.CancellationToken);

        Assert.DoesNotContain(question, fake.Texts);
        Assert.InRange(answer.Confidence, 0, 1);
    }

    [Theory]
    [InlineData("He left.", "He left [3].")]
    [InlineData("He left", "He left [3].")]
    [InlineData("Did he leave?", "Did he leave [3]?")]
    [InlineData("“We agree,” he said.", "“We agree,” he said [3].")]
    [InlineData("“These do not exist.”", "“These do not exist” [3].")]
    [InlineData("He called it “ridiculous.”", "He called it “ridiculous” [3].")]
    [InlineData("“Why now?”", "“Why now?” [3]")]
    [InlineData("(He left.)", "(He left) [3].")]
    public void WithMarkers_Sentence_MarkerBeforeFinalPunctuation(string sentence, string expected)
    {
        Assert.Equal(expected, CitationParser.WithMarkers(sentence, [3]));
    }
}
