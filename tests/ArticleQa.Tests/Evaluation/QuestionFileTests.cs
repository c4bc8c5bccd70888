using ArticleQa.Evaluation;

namespace ArticleQa.Tests.Evaluation;

public sealed class QuestionFileTests
{
    private const string First = """{"id": "q1", "question": "Who?", "answers": ["Rollo", "Rollo the Walker"], "evidence": "Rollo led them.", "answerable": true}""";
    private const string Third = """{"id": "q3", "question": "When?", "answers": ["911"]}""";

    [Fact]
    public async Task ReadAsync_MalformedLineInTheMiddle_ReportsItsLineAndReadsTheOthers()
    {
        using var file = new TempFile(string.Join('\n', First, """{"id": "q2", "question": """, Third));

        var result = await QuestionFile.ReadAsync(file.Path, TestContext.Current.CancellationToken);

        Assert.Equal(["q1", "q3"], result.Questions.Select(question => question.Id));
        var error = Assert.Single(result.Errors);
        Assert.Equal(file.Path, error.File);
        Assert.Equal(2, error.Line);
        Assert.StartsWith("not valid JSON", error.Message, StringComparison.Ordinal);
        Assert.Contains($"{file.Path}(2)", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_WellFormedLine_ReadsEveryField()
    {
        using var file = new TempFile(First + "\n");

        var result = await QuestionFile.ReadAsync(file.Path, TestContext.Current.CancellationToken);

        var question = Assert.Single(result.Questions);
        Assert.Equal("q1", question.Id);
        Assert.Equal("Who?", question.Question);
        Assert.Equal(["Rollo", "Rollo the Walker"], question.Answers);
        Assert.Equal("Rollo led them.", question.Evidence);
        Assert.True(question.Answerable);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public async Task ReadAsync_BlankLines_AreIgnoredAndLineNumbersStayTrue()
    {
        using var file = new TempFile($"\n{First}\n   \n\r\n{Third}\n{{\"id\": \"q4\"}}\n\n");

        var result = await QuestionFile.ReadAsync(file.Path, TestContext.Current.CancellationToken);

        Assert.Equal(["q1", "q3"], result.Questions.Select(question => question.Id));
        var error = Assert.Single(result.Errors);
        Assert.Equal(6, error.Line);
        Assert.Equal("missing \"question\"", error.Message);
    }

    [Fact]
    public async Task ReadAsync_MissingFile_ThrowsWithThePath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"articleqa-missing-{Guid.NewGuid():N}.jsonl");

        var exception = await Assert.ThrowsAsync<FileNotFoundException>(
            () => QuestionFile.ReadAsync(path, TestContext.Current.CancellationToken));

        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
        Assert.Equal(path, exception.FileName);
    }

    [Theory]
    [InlineData("""[1, 2]""", "expected a JSON object, not an array")]
    [InlineData("""{"id": "x"}""", "missing \"question\"")]
    [InlineData("""{"question": null, "answers": ["a"]}""", "missing \"question\"")]
    [InlineData("""{"question": "  ", "answers": ["a"]}""", "\"question\" is empty")]
    [InlineData("""{"question": 42, "answers": ["a"]}""", "\"question\" must be a string, not a number")]
    [InlineData("""{"question": "Q?", "answers": "a"}""", "\"answers\" must be an array of strings, not a string")]
    [InlineData("""{"question": "Q?", "answers": ["a", 1]}""", "\"answers\"[1] must be a non-empty string, not a number")]
    [InlineData("""{"question": "Q?", "answers": [""]}""", "\"answers\"[0] must be a non-empty string, not an empty string")]
    [InlineData("""{"question": "Q?", "evidence": ["e"]}""", "\"evidence\" must be a string, not an array")]
    [InlineData("""{"question": "Q?", "answers": ["a"], "answerable": "yes"}""", "\"answerable\" must be true or false, not a string")]
    [InlineData("""{"id": "", "question": "Q?", "answers": ["a"]}""", "\"id\" is empty")]
    [InlineData("""{"question": "Q?"}""", "an answerable question needs \"evidence\" or \"answers\" (or \"review\": true to run it unscored)")]
    public async Task ReadAsync_MalformedLine_NamesTheProblem(string line, string message)
    {
        using var file = new TempFile(line);

        var result = await QuestionFile.ReadAsync(file.Path, TestContext.Current.CancellationToken);

        Assert.Empty(result.Questions);
        var error = Assert.Single(result.Errors);
        Assert.Equal(1, error.Line);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public async Task ReadAsync_OptionalFieldsMissing_UsesDefaults()
    {
        using var file = new TempFile("""
            {"question": "Is it covered?", "answerable": false}
            {"question": "Where?", "evidence": "It is in Caen."}
            """);

        var result = await QuestionFile.ReadAsync(file.Path, TestContext.Current.CancellationToken);

        Assert.Empty(result.Errors);
        Assert.Equal(["line-1", "line-2"], result.Questions.Select(question => question.Id));
        Assert.False(result.Questions[0].Answerable);
        Assert.True(result.Questions[1].Answerable);
        Assert.Empty(result.Questions[1].Answers);
        Assert.Equal("", result.Questions[0].Evidence);
    }

    [Fact]
    public async Task ReadAsync_DuplicateId_ReportsTheLaterLine()
    {
        using var file = new TempFile($"{First}\n{First}\n");

        var result = await QuestionFile.ReadAsync(file.Path, TestContext.Current.CancellationToken);

        Assert.Single(result.Questions);
        var error = Assert.Single(result.Errors);
        Assert.Equal(2, error.Line);
        Assert.Equal("duplicate id 'q1' (first used on line 1)", error.Message);
    }
}
