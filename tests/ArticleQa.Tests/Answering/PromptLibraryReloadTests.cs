using ArticleQa.Answering;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ArticleQa.Tests.Answering;

public sealed class PromptLibraryReloadTests : IDisposable
{
    private readonly DirectoryInfo _prompts = Directory.CreateTempSubdirectory("prompts-");

    public PromptLibraryReloadTests()
    {
        foreach (var file in Directory.GetFiles(RepositoryPaths.Prompts, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_prompts.FullName, Path.GetRelativePath(RepositoryPaths.Prompts, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private readonly FakeTimeProvider _time = new();

    private PromptLibrary Library() => new(Options.Create(new AnsweringOptions { PromptsPath = _prompts.FullName }), NullLogger<PromptLibrary>.Instance, _time);

    private string AnswerPrompt => Path.Combine(_prompts.FullName, "Answer", "skprompt.txt");

    [Fact]
    public void Reload_ChangedPrompt_NewHashAndFunction()
    {
        using var library = Library();
        var before = library.Current;

        File.AppendAllText(AnswerPrompt, "\n<!-- tuned -->");
        var reloaded = library.Reload();

        Assert.True(reloaded);
        Assert.NotEqual(before.Hash, library.Hash);
        Assert.NotSame(before, library.Current);
    }

    [Theory]
    [InlineData("config.json", "{ this is not json")]
    [InlineData("skprompt.txt", "{{$question")]
    public void Reload_BrokenFile_KeepsTheLastGoodPrompts(string file, string content)
    {
        using var library = Library();
        var before = library.Current;

        File.WriteAllText(Path.Combine(_prompts.FullName, "Answer", file), content);
        var reloaded = library.Reload();

        Assert.False(reloaded);
        Assert.Same(before, library.Current);
    }

    [Fact]
    public void Reload_FunctionFolderDeleted_KeepsTheLastGoodPrompts()
    {
        using var library = Library();
        var before = library.Current;

        Directory.Delete(Path.Combine(_prompts.FullName, "Condense"), recursive: true);

        Assert.False(library.Reload());
        Assert.Same(before, library.Current);
    }

    [Fact]
    public async Task StartWatching_PromptEdited_ReloadedWithoutRestart()
    {
        using var library = Library();
        var before = library.Hash;
        library.StartWatching();
        var noticed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        library.ChangeNoticed += (_, _) => noticed.TrySetResult();

        await File.AppendAllTextAsync(AnswerPrompt, "\nKeep answers to one sentence.", TestContext.Current.CancellationToken);
        await noticed.Task.WaitAsync(TestContext.Current.CancellationToken);
        Assert.Equal(before, library.Hash);
        _time.Advance(PromptLibrary.Debounce);

        // The fake clock runs the debounce's reload on this thread, so it is done when Advance returns.
        Assert.NotEqual(before, library.Hash);
    }

    public void Dispose() => _prompts.Delete(recursive: true);
}
