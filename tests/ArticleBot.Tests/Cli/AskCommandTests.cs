using System.Text.Json.Nodes;

namespace ArticleBot.Tests.Cli;

public sealed class AskCommandTests
{
    [Fact]
    public async Task Run_Json_PrintsAnswerCitationsWithOffsets()
    {
        var (exitCode, output, _) = await VerbRunner.RunAsync("ask", "Who will travel to Moscow next week?", "--json");

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
        var (exitCode, output, _) = await VerbRunner.RunAsync("ask", "Who will travel to Moscow next week?");

        Assert.Equal(0, exitCode);
        Assert.Contains("Witkoff", output, StringComparison.Ordinal);
        Assert.Contains("Sources:", output, StringComparison.Ordinal);
        Assert.Contains("[1] Putin Says US Plan", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_NoQuestion_FailsWithUsage()
    {
        var (exitCode, output, error) = await VerbRunner.RunAsync("ask");

        Assert.Equal(2, exitCode);
        Assert.Contains("error: ask needs a question", error, StringComparison.Ordinal);
        Assert.Empty(output);
    }
}
