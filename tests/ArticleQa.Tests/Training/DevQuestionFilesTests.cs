using ArticleQa.Evaluation;
using ArticleQa.Tests.Articles;
using ArticleQa.Training;

namespace ArticleQa.Tests.Training;

public sealed class DevQuestionFilesTests
{
    [Fact]
    public async Task WriteAsync_DevArticlesOnly_ReadBackByEvalAsWritten()
    {
        using var folder = new TempFolder();
        EvalQuestion Answerable(string id) => new(id, $"What is “{id}”?", [$"answer {id}"], $"The evidence of {id}.", Answerable: true);
        EvalQuestion Unanswerable(string id) => new(id, $"Why {id}?", [], "", Answerable: false);
        var data = new SquadTrainingData(
            [
                new SquadArticle("Dev_One", ["p"], [Answerable("d1"), Unanswerable("d1u")]),
                new SquadArticle("Dev_Two", ["p"], [Answerable("d2")]),
                new SquadArticle("Train_One", ["p"], [Answerable("t1"), Unanswerable("t1u")]),
            ],
            new HashSet<string>(["Dev_One", "Train_One"], StringComparer.Ordinal),
            new Dictionary<string, string>());
        var split = new SquadSplit(1, ["Train_One"], ["Dev_One", "Dev_Two"]);

        var (v11, squad2) = await DevQuestionFiles.WriteAsync(data, split, folder.Path, TestContext.Current.CancellationToken);

        var v11Read = await QuestionFile.ReadAsync(Path.Combine(folder.Path, DevQuestionFiles.V11), TestContext.Current.CancellationToken);
        var squad2Read = await QuestionFile.ReadAsync(Path.Combine(folder.Path, DevQuestionFiles.Squad2), TestContext.Current.CancellationToken);
        Assert.Equal((2, 2), (v11, squad2));
        Assert.Empty(v11Read.Errors);
        Assert.Equal(["d1", "d2"], v11Read.Questions.Select(q => q.Id));
        Assert.Equal(["d1", "d1u"], squad2Read.Questions.Select(q => q.Id));
        var first = v11Read.Questions[0];
        Assert.Equal(("What is “d1”?", "answer d1", "The evidence of d1.", true), (first.Question, first.Answers.Single(), first.Evidence, first.Answerable));
        Assert.False(squad2Read.Questions[1].Answerable);
    }

    [Fact]
    public async Task WriteAsync_ReservedArticleInTheDevSplit_Refused()
    {
        using var folder = new TempFolder();
        var data = new SquadTrainingData([new SquadArticle("Steam_engine", ["p"], [])], new HashSet<string>(), new Dictionary<string, string>());

        await Assert.ThrowsAnyAsync<Exception>(() => DevQuestionFiles.WriteAsync(data, new SquadSplit(1, [], ["Steam_engine"]), folder.Path, TestContext.Current.CancellationToken));
        Assert.Empty(Directory.GetFiles(folder.Path));
    }
}
