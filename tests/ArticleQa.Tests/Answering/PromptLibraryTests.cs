using ArticleQa.Answering;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ArticleQa.Tests.Answering;

public sealed class PromptLibraryTests
{
    [Fact]
    public void Constructor_RealPromptsFolder_LoadsAnswerFunction()
    {
        var prompts = new PromptLibrary(Options.Create(new AnsweringOptions { PromptsPath = RepositoryPaths.Prompts }), NullLogger<PromptLibrary>.Instance);

        var answer = prompts[PromptLibrary.AnswerFunction];

        Assert.Equal("Answer", answer.Name);
        Assert.Contains(answer.Metadata.Parameters, p => p.Name == "sources");
        Assert.Contains(answer.Metadata.Parameters, p => p.Name == "question");
        Assert.Matches("^[0-9a-f]{12}$", prompts.Hash);
    }

    [Fact]
    public void Constructor_FunctionMissing_FailsNamingTheFile()
    {
        var folder = Directory.CreateTempSubdirectory("prompts-");
        Directory.CreateDirectory(Path.Combine(folder.FullName, "Other"));
        File.WriteAllText(Path.Combine(folder.FullName, "Other", "skprompt.txt"), "Hello {{$question}}");

        var error = Assert.Throws<InvalidOperationException>(() =>
            new PromptLibrary(Options.Create(new AnsweringOptions { PromptsPath = folder.FullName }), NullLogger<PromptLibrary>.Instance));

        Assert.Contains("'Answer' is missing", error.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(folder.FullName, "Answer", "skprompt.txt"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_FolderMissing_FailsNamingTheKey()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            new PromptLibrary(Options.Create(new AnsweringOptions { PromptsPath = "/nonexistent/prompts" }), NullLogger<PromptLibrary>.Instance));

        Assert.Contains("Answering:PromptsPath", error.Message, StringComparison.Ordinal);
    }
}
