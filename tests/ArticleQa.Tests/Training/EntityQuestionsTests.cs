using ArticleQa.Training;

namespace ArticleQa.Tests.Training;

public sealed class EntityQuestionsTests
{
    private static readonly SquadArticle[] Articles =
    [
        new("Geneva_talks", ["Officials met in Geneva on Sunday. Witkoff said the talks in Geneva went well.", "Officials said Witkoff flew to Moscow, and Rubio stayed. NATO was not there; NATO said nothing."], []),
        new("Harvest", ["Farmers in Kansas lost wheat to drought. The Kansas board met Cargill.", "Cargill bought less, and Cargill said prices would rise."], []),
    ];

    [Fact]
    public void Create_TwoArticles_AsksAboutNamesMentionedTwiceAndForeignNamesOfTheOtherArticle()
    {
        var made = EntityQuestions.Create(Articles);

        var (answerable, unanswerable) = made["Geneva_talks"];
        Assert.Equal(["What happened in Geneva?", "What do the articles say about Witkoff?", "What is NATO?"], answerable.Select(q => q.Question));
        Assert.All(answerable, q => Assert.True(q.Answerable));
        Assert.Equal(["Geneva", "Witkoff", "NATO"], answerable.Select(q => q.Answers.Single()));

        // Kansas and Cargill are named only by the other article: asked of this one, they are not covered.
        Assert.Equal(["Cargill", "Kansas"], unanswerable.Select(q => q.Question.Contains("Cargill", StringComparison.Ordinal) ? "Cargill" : "Kansas").Order());
        Assert.All(unanswerable, q => Assert.False(q.Answerable));
        Assert.All(answerable.Concat(unanswerable), q => Assert.StartsWith(EntityQuestions.IdPrefix + "Geneva_talks:", q.Id, StringComparison.Ordinal));
    }

    [Fact]
    public void Create_SameArticlesTwice_SameQuestions()
    {
        var first = EntityQuestions.Create(Articles);
        var second = EntityQuestions.Create(Articles);

        foreach (var title in first.Keys)
        {
            Assert.Equal(Lines(first[title].Unanswerable), Lines(second[title].Unanswerable));
            Assert.Equal(Lines(first[title].Answerable), Lines(second[title].Answerable));
        }
    }

    private static IEnumerable<string> Lines(IEnumerable<ArticleQa.Evaluation.EvalQuestion> questions) =>
        questions.Select(q => $"{q.Id} {q.Question} {string.Join("|", q.Answers)} {q.Answerable}");
}
