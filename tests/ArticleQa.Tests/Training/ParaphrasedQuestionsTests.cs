using ArticleQa.Evaluation;
using ArticleQa.Tests.Articles;
using ArticleQa.Training;

namespace ArticleQa.Tests.Training;

public sealed class ParaphrasedQuestionsTests
{
    private static readonly string[] ReplaceableWords = ["cities", "hosted", "talks", "began"];

    private static readonly EvalQuestion Question = new("q1", "Which cities hosted the talks before Witkoff began?", ["Geneva"], "talks in Geneva", Answerable: true);

    [Fact]
    public void Create_Question_ReplacesOneOrTwoContentWordsWithSynonymsAndKeepsTheAnswers()
    {
        using var folder = new TempFolder();
        using var synonyms = WordNetSynonyms.Load(WordNetFixture.WriteEveryday(folder));

        var reworded = Enumerable.Range(0, 20).Select(seed => ParaphrasedQuestions.Create(Question, synonyms, seed)!).ToList();

        Assert.All(reworded, r =>
        {
            Assert.Equal("q1" + ParaphrasedQuestions.IdSuffix, r.Id);
            Assert.Equal(Question.Answers, r.Answers);
            Assert.Equal(Question.Evidence, r.Evidence);
            Assert.True(r.Answerable);
            var replaced = ReplaceableWords.Count(w => !r.Question.Contains(w, StringComparison.Ordinal));
            Assert.InRange(replaced, 1, 2);
            Assert.StartsWith("Which ", r.Question, StringComparison.Ordinal);
            Assert.Contains("Witkoff", r.Question, StringComparison.Ordinal);
        });
        Assert.Contains(reworded, r => r.Question.Contains("metropolis", StringComparison.Ordinal) || r.Question.Contains("urban center", StringComparison.Ordinal));
        Assert.Contains(reworded, r => r.Question.Contains("entertain", StringComparison.Ordinal));
    }

    [Fact]
    public void Create_SameQuestionAndSeed_SameRewording()
    {
        using var folder = new TempFolder();
        using var synonyms = WordNetSynonyms.Load(WordNetFixture.WriteEveryday(folder));

        Assert.Equal(ParaphrasedQuestions.Create(Question, synonyms, 7)!.Question, ParaphrasedQuestions.Create(Question, synonyms, 7)!.Question);
    }

    [Fact]
    public void Create_NoWordWithASynonym_IsNull()
    {
        using var folder = new TempFolder();
        using var synonyms = WordNetSynonyms.Load(WordNetFixture.WriteEveryday(folder));

        // "Talks" is a name here (a capital), so it is not reworded.
        Assert.Null(ParaphrasedQuestions.Create(Question with { Question = "Who told reporters about the Talks?" }, synonyms, 1));
    }
}
