using ArticleQa.Answering;

namespace ArticleQa.Tests.Answering;

public sealed class ExtractiveAnswererTests
{
    private static readonly SourcesBlock.Source[] Sources =
    [
        new(1, "Putin on the plan", "Putin spoke in Bishkek on Thursday.\nThe plan has 28 points."),
        new(2, "Envoy", "Steve Witkoff will travel to Moscow next week. He will meet Putin."),
    ];

    [Fact]
    public void Answer_QuestionCoveredBySecondSource_CitesThatSource()
    {
        var answer = ExtractiveAnswerer.Answer("Who will travel to Moscow next week?", Sources);

        Assert.Equal("Steve Witkoff will travel to Moscow next week [2].", answer);
    }

    [Fact]
    public void Answer_HeadlineWithoutPeriod_IsItsOwnSentence()
    {
        var answer = ExtractiveAnswerer.Answer("How many points does the plan have?", Sources);

        Assert.Equal("The plan has 28 points [1].", answer);
    }

    [Theory]
    [InlineData("What is the capital of France?")]
    [InlineData("Who?")]
    [InlineData("")]
    public void Answer_NothingFits_SaysNotCovered(string question)
    {
        Assert.Equal(Answer.NotCovered, ExtractiveAnswerer.Answer(question, Sources));
    }

    [Fact]
    public void Answer_NoSources_SaysNotCovered()
    {
        Assert.Equal(Answer.NotCovered, ExtractiveAnswerer.Answer("Who will travel to Moscow?", []));
    }

    [Theory]
    [InlineData("He left.", "He left [3].")]
    [InlineData("He left", "He left [3].")]
    [InlineData("Did he leave?", "Did he leave [3]?")]
    [InlineData("“We agree,” he said.", "“We agree,” he said [3].")]
    public void WithMarker_Sentence_MarkerBeforeFinalPunctuation(string sentence, string expected)
    {
        Assert.Equal(expected, ExtractiveAnswerer.WithMarker(sentence, 3));
    }
}
