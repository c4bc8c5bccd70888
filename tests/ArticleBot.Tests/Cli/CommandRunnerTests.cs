using ArticleBot.Cli;

namespace ArticleBot.Tests.Cli;

[Collection(SharedConsole.Name)]
public sealed class CommandRunnerTests
{
    [Fact]
    public async Task RunAsync_Search_ExitsZero()
    {
        using var console = new ConsoleCapture();

        var exitCode = await CommandRunner.RunAsync(VerbRunner.WithDefaults("search", "Moscow", "--top", "1"));

        Assert.Equal(0, exitCode);
        Assert.StartsWith("1. ", console.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UnknownVerb_ExitsTwoNamingIt()
    {
        using var console = new ConsoleCapture();

        var exitCode = await CommandRunner.RunAsync(["frobnicate"]);

        Assert.Equal(2, exitCode);
        Assert.Contains("Unknown verb 'frobnicate'", console.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_AskWithoutQuestion_ExitsTwo()
    {
        using var console = new ConsoleCapture();

        var exitCode = await CommandRunner.RunAsync(VerbRunner.WithDefaults("ask"));

        Assert.Equal(2, exitCode);
        Assert.Contains("ask needs a question", console.Error, StringComparison.Ordinal);
        Assert.Empty(console.Out);
    }

    [Fact]
    public async Task RunAsync_UnknownOption_ExitsTwoNamingIt()
    {
        using var console = new ConsoleCapture();

        var exitCode = await CommandRunner.RunAsync(VerbRunner.WithDefaults("search", "Moscow", "--topp", "3"));

        Assert.Equal(2, exitCode);
        Assert.Contains("Option --topp is not known to 'search'", console.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_MissingQuestionsFile_ExitsTwoNamingTheFile()
    {
        var missing = Path.Combine(VerbRunner.TempFolder(), "missing.jsonl");
        using var console = new ConsoleCapture();

        var exitCode = await CommandRunner.RunAsync(VerbRunner.WithDefaults("eval", "--questions", missing));

        Assert.Equal(2, exitCode);
        Assert.Contains(missing, console.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_InvalidConfigurationValue_ExitsTwoNamingTheKeyBeforeAnswering()
    {
        using var console = new ConsoleCapture();

        var exitCode = await CommandRunner.RunAsync(VerbRunner.WithDefaults("ask", "Who will travel to Moscow next week?", "--provider", "Gpt5000"));

        Assert.Equal(2, exitCode);
        Assert.Contains("error: ", console.Error, StringComparison.Ordinal);
        Assert.Contains("'Gpt5000'", console.Error, StringComparison.Ordinal);
        Assert.Contains("Llm:Provider", console.Error, StringComparison.Ordinal);
        Assert.Empty(console.Out);
    }
}
