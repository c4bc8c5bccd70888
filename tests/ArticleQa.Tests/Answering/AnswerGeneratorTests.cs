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
