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

    [Fact]
    public void Create_InRepoSquadArticles_EveryQuestionGoesToTheTopicAbstentionModel()
    {
        // The Local model sends a question to the abstention model of broad questions about a name by its wording;
        // that model learned from these questions, so each of them must be worded so.
        var folder = Path.Combine(RepositoryPaths.Root, "tests", "eval", "squad", "articles");
        var articles = Directory.GetFiles(folder, "*.md").Order(StringComparer.Ordinal)
            .Select(f => new SquadArticle(Path.GetFileNameWithoutExtension(f), [.. File.ReadAllText(f).Split("\n\n").Skip(1).Where(p => p.Trim().Length > 0)], []))
            .ToList();

        var asked = EntityQuestions.Create(articles).Values.SelectMany(m => m.Answerable.Concat(m.Unanswerable)).Select(q => q.Question).ToList();

        Assert.True(asked.Count > 200, $"{asked.Count} questions");
        Assert.Empty(asked.Where(q => ArticleQa.Answering.Learning.TextFeatures.TopicFormOf(q) == ArticleQa.Answering.Learning.TopicForm.None).Distinct());
    }

    private static IEnumerable<string> Lines(IEnumerable<ArticleQa.Evaluation.EvalQuestion> questions) =>
        questions.Select(q => $"{q.Id} {q.Question} {string.Join("|", q.Answers)} {q.Answerable}");
}
