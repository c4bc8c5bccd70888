using ArticleQa.Articles;
using ArticleQa.Evaluation;
using ArticleQa.Text;

namespace ArticleQa.Tests.Evaluation;

/// <summary>Checks the committed SQuAD subset in tests/eval/squad against itself and the engine's sentence splitter.</summary>
public sealed class SquadEvalDataTests
{
    private static readonly string SquadFolder = RepositoryPaths.Combine("tests", "eval", "squad");

    private static List<EvalArticleFile> Articles { get; } = Directory
        .GetFiles(Path.Combine(SquadFolder, "articles"), "*.md")
        .Order(StringComparer.Ordinal)
        .Select(EvalArticleFile.Load)
        .ToList();

    [Fact]
    public async Task QuestionFile_SquadQuestions_ReadWithoutErrors()
    {
        var result = await ReadQuestionsAsync();

        Assert.Empty(result.Errors);
        Assert.True(result.Questions.Count > 900, $"only {result.Questions.Count} questions");
        Assert.All(result.Questions, question => Assert.True(question.Answerable));
        Assert.Equal(10, Articles.Count);
    }

    [Fact]
    public async Task QuestionFile_SquadQuestions_EvidenceIsInAnArticleAndHoldsNoAnswerFromElsewhere()
    {
        var result = await ReadQuestionsAsync();

        Assert.All(result.Questions, question =>
        {
            var article = Articles.FirstOrDefault(a => a.Body.Contains(question.Evidence, StringComparison.Ordinal));
            Assert.True(article is not null, $"{question.Id}: evidence is in no article");
            Assert.All(question.Answers, answer => Assert.True(
                article.Body.Contains(answer, StringComparison.Ordinal),
                $"{question.Id}: answer '{answer}' is not in {article.Path}"));
        });
    }

    [Fact]
    public async Task QuestionFile_SquadQuestions_EvidenceIsASentenceOfTheEngineSplitter()
    {
        var sentences = Articles
            .SelectMany(article => SentenceSplitter.Split(article.Body).Select(span => span.Of(article.Body)))
            .ToHashSet(StringComparer.Ordinal);

        var result = await ReadQuestionsAsync();

        Assert.All(result.Questions, question => Assert.True(
            sentences.Contains(question.Evidence), $"{question.Id}: evidence is not one sentence: {question.Evidence}"));
    }

    [Fact]
    public void ArticleFiles_Squad_HaveTitleUrlAndSourceFrontMatter()
    {
        Assert.NotEmpty(Articles);
        Assert.All(Articles, article =>
        {
            Assert.False(string.IsNullOrWhiteSpace(article.FrontMatter.GetValueOrDefault("title")), $"{article.Path}: title");
            Assert.StartsWith("https://en.wikipedia.org/wiki/", article.FrontMatter.GetValueOrDefault("url"), StringComparison.Ordinal);
            Assert.True(Uri.IsWellFormedUriString(article.FrontMatter["url"], UriKind.Absolute), $"{article.Path}: url");
            Assert.Equal("Wikipedia, via SQuAD v1.1 (CC BY-SA 4.0)", article.FrontMatter.GetValueOrDefault("source"));
            Assert.False(string.IsNullOrWhiteSpace(article.Body), $"{article.Path}: no text");
        });
    }

    [Fact]
    public void NoticeFile_Squad_NamesSourceLicenceAndEveryArticle()
    {
        var notice = File.ReadAllText(Path.Combine(SquadFolder, "NOTICE"));

        Assert.Contains("https://rajpurkar.github.io/SQuAD-explorer/", notice, StringComparison.Ordinal);
        Assert.Contains("https://creativecommons.org/licenses/by-sa/4.0/", notice, StringComparison.Ordinal);
        Assert.All(Articles, article => Assert.Contains(article.FrontMatter["url"], notice, StringComparison.Ordinal));
    }

    private static Task<QuestionFileResult> ReadQuestionsAsync() =>
        QuestionFile.ReadAsync(Path.Combine(SquadFolder, "questions.jsonl"), TestContext.Current.CancellationToken);
}
