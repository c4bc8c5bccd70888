using System.Text.Json.Nodes;
using ArticleBot.Cli;

namespace ArticleBot.Tests.Cli;

public sealed class AskCommandTests
{
    private static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        var arguments = CommandLineArguments.Parse([.. args, "--articles", RepositoryPaths.Seeds, "--prompts", RepositoryPaths.Prompts, "--index", BotHost.TempIndex()]);
        var exitCode = await AskCommand.RunAsync(arguments, output, TestContext.Current.CancellationToken);
        return (exitCode, output.ToString());
    }

    [Fact]
    public async Task Run_Json_PrintsAnswerCitationsWithOffsets()
    {
        var (exitCode, output) = await RunAsync("ask", "Who will travel to Moscow next week?", "--json");

        Assert.Equal(0, exitCode);
        var json = JsonNode.Parse(output)!;
        Assert.Contains("Witkoff", (string)json["answer"]!, StringComparison.Ordinal);
        Assert.False((bool)json["abstained"]!);
        var citation = json["citations"]!.AsArray()[0]!;
        Assert.Equal(1, (int)citation["number"]!);
        Assert.Equal("putin-says-us-plan-could-be-basis-for-ukraine-deal", (string?)citation["articleId"]);
        var text = (await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Seeds, "putin-says-us-plan-could-be-basis-for-ukraine-deal.txt"), TestContext.Current.CancellationToken)).ReplaceLineEndings("\n");
        Assert.Equal(text[(int)citation["start"]!..(int)citation["end"]!], (string?)citation["passage"]);
    }

    [Fact]
    public async Task Run_Text_PrintsAnswerAndSources()
    {
        var (exitCode, output) = await RunAsync("ask", "Who will travel to Moscow next week?");

        Assert.Equal(0, exitCode);
        Assert.Contains("Witkoff", output, StringComparison.Ordinal);
        Assert.Contains("Sources:", output, StringComparison.Ordinal);
        Assert.Contains("[1] Putin Says US Plan", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_NoQuestion_FailsWithUsage()
    {
        var error = await Assert.ThrowsAsync<CommandLineException>(() => RunAsync("ask"));

        Assert.Contains("ask needs a question", error.Message, StringComparison.Ordinal);
    }
}
