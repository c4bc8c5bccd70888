using ArticleQa.Evaluation;

namespace ArticleQa.Tests.Evaluation;

public sealed class ConversationFileTests
{
    private const string First = """{"id": "c1", "turns": ["What caused the crisis?", "When did it end?"], "answers": ["March 1974"], "evidence": "The embargo ended in March 1974."}""";
    private const string Third = """{"id": "c3", "turns": ["Who founded Harvard?"], "answers": ["John Harvard"]}""";

    [Fact]
    public async Task ReadAsync_WellFormedLine_ReadsTurnsAndScoresTheLast()
    {
        using var file = new TempFile(First);

        var result = await ConversationFile.ReadAsync(file.Path, TestContext.Current.CancellationToken);

        var conversation = Assert.Single(result.Conversations);
        Assert.Equal("c1", conversation.Id);
        Assert.Equal(["What caused the crisis?", "When did it end?"], conversation.Turns);
        Assert.Equal("When did it end?", conversation.ScoredTurn);
        Assert.Equal(["March 1974"], conversation.Answers);
        Assert.Equal("The embargo ended in March 1974.", conversation.Evidence);
        Assert.True(conversation.Answerable);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public async Task ReadAsync_MalformedLineInTheMiddle_ReportsItsLineAndReadsTheOthers()
    {
        using var file = new TempFile($"{First}\n\n{{\"id\": \"c2\", \"turns\": \"When?\"}}\n{Third}\n");

        var result = await ConversationFile.ReadAsync(file.Path, TestContext.Current.CancellationToken);

        Assert.Equal(["c1", "c3"], result.Conversations.Select(conversation => conversation.Id));
        var error = Assert.Single(result.Errors);
        Assert.Equal(file.Path, error.File);
        Assert.Equal(3, error.Line);
        Assert.Equal("\"turns\" must be an array of strings, not a string", error.Message);
    }

    [Theory]
    [InlineData("""{"id": "c", "answers": ["a"]}""", "missing \"turns\"")]
    [InlineData("""{"id": "c", "turns": [], "answers": ["a"]}""", "\"turns\" must hold at least one turn")]
    [InlineData("""{"id": "c", "turns": ["Q?"]}""", "an answerable conversation needs \"evidence\" or \"answers\" for its last turn")]
    [InlineData("""{"id": "c", "turns": ["Q?"], "answers": ["a"]""", "not valid JSON")]
    public async Task ReadAsync_MalformedLine_NamesTheProblem(string line, string message)
    {
        using var file = new TempFile(line);

        var result = await ConversationFile.ReadAsync(file.Path, TestContext.Current.CancellationToken);

        Assert.Empty(result.Conversations);
        Assert.StartsWith(message, Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_MissingFile_ThrowsWithThePath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"articleqa-missing-{Guid.NewGuid():N}.jsonl");

        var exception = await Assert.ThrowsAsync<FileNotFoundException>(
            () => ConversationFile.ReadAsync(path, TestContext.Current.CancellationToken));

        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
    }
}
