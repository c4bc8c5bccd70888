using ArticleQa.Answering;
using Microsoft.Extensions.DependencyInjection;

namespace ArticleQa.Tests.Answering;

public sealed class AnswerGeneratorTests
{
    [Fact]
    public async Task AnswerAsync_LocalModelOnSeed_NamesWitkoffWithCitation()
    {
        await using var engine = TestEngine.Create();

        var answer = await engine.GetRequiredService<AnswerGenerator>().AnswerAsync("Who will travel to Moscow next week?", TestContext.Current.CancellationToken);

        Assert.False(answer.Abstained);
        Assert.Contains("Witkoff", answer.Text, StringComparison.Ordinal);
        Assert.Contains("[1]", answer.Text, StringComparison.Ordinal);
        var citation = Assert.Single(answer.Citations);
        Assert.Equal(1, citation.Number);
        Assert.Equal("Putin Says US Plan Could Be ‘Basis’ for Ukraine Deal", citation.Title);
        Assert.Contains("Witkoff", citation.Passage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerAsync_QuestionNotInArticles_AbstainsWithoutCitations()
    {
        await using var engine = TestEngine.Create();

        var answer = await engine.GetRequiredService<AnswerGenerator>().AnswerAsync("What is the boiling point of mercury?", TestContext.Current.CancellationToken);

        Assert.True(answer.Abstained);
        Assert.Equal(Answer.NotCovered, answer.Text);
        Assert.Empty(answer.Citations);
    }

    [Theory]
    // Broad questions about a name the seed mentions, once (Geneva) or often, as people and the suggestions ask them.
    [InlineData("Tell me about Geneva", "Geneva")]
    [InlineData("What happened in Geneva?", "Geneva")]
    [InlineData("What do the articles say about Bishkek?", "Bishkek")]
    [InlineData("What happened in Kyrgyzstan?", "Kyrgyzstan")]
    [InlineData("What do you know about Putin?", "Putin")]
    [InlineData("Tell me about Trump", "Trump")]
    public async Task AnswerAsync_LocalTopicNameTheSeedMentions_ASentenceNamingItCited(string question, string name)
    {
        await using var engine = TestEngine.Create();

        var answer = await engine.GetRequiredService<AnswerGenerator>().AnswerAsync(question, TestContext.Current.CancellationToken);

        Assert.Contains(name, answer.Text, StringComparison.Ordinal);
        Assert.Contains(name, Assert.Single(answer.Citations).Passage, StringComparison.Ordinal);
    }

    [Theory]
    // Names the seed never mentions, and topics it does not cover in lower case (the general abstention model's).
    [InlineData("Tell me about NATO")]
    [InlineData("Who is Zelensky?")]
    [InlineData("What happened in Kyiv?")]
    [InlineData("What do the articles say about the European Union?")]
    [InlineData("Tell me about sanctions")]
    [InlineData("What do the articles say about oil prices?")]
    public async Task AnswerAsync_LocalTopicTheSeedDoesNotCover_NotCovered(string question)
    {
        await using var engine = TestEngine.Create();

        var answer = await engine.GetRequiredService<AnswerGenerator>().AnswerAsync(question, TestContext.Current.CancellationToken);

        Assert.Equal(Answer.NotCovered, answer.Text);
    }

    [Fact]
    public async Task AnswerAsync_CitationOffsets_PointIntoArticleText()
    {
        await using var engine = TestEngine.Create();

        var answer = await engine.GetRequiredService<AnswerGenerator>().AnswerAsync("Where did Putin speak to reporters?", TestContext.Current.CancellationToken);

        var citation = Assert.Single(answer.Citations);
        var file = Directory.GetFiles(RepositoryPaths.Seeds).Single();
        var article = ArticleQa.Articles.ArticleLoader.Load(file, RepositoryPaths.Seeds);
        Assert.Equal(citation.ArticleId, article.Id);
        Assert.Equal(article.Text[citation.Start..citation.End], citation.Passage);
        Assert.Contains("Bishkek", answer.Text, StringComparison.Ordinal);
    }
}
