using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ArticleBot.Cli;

namespace ArticleBot.Tests.Cli;

public sealed partial class SearchCommandTests
{
    private const string Question = "Who will travel to Moscow next week?";

    [Fact]
    public async Task Run_Text_PrintsTopHitsRankedWithScores()
    {
        var (exitCode, output, _) = await VerbRunner.RunAsync("search", Question, "--top", "3");

        Assert.Equal(0, exitCode);
        var hits = Hit().Matches(output);
        Assert.Equal([1, 2, 3], hits.Select(h => int.Parse(h.Groups["rank"].Value, CultureInfo.InvariantCulture)));
        var scores = hits.Select(h => double.Parse(h.Groups["score"].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
        Assert.Contains("Putin Says US Plan Could Be ‘Basis’ for Ukraine Deal [putin-says-us-plan-could-be-basis-for-ukraine-deal#", output, StringComparison.Ordinal);
        Assert.Contains("Moscow", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_JsonWithTop_PrintsThatManyPassagesWithOffsetsAndScores()
    {
        var (exitCode, output, _) = await VerbRunner.RunAsync("search", Question, "--json", "--top", "2");

        Assert.Equal(0, exitCode);
        var hits = JsonNode.Parse(output)!.AsArray();
        Assert.Equal(2, hits.Count);
        Assert.Equal([1, 2], hits.Select(h => (int)h!["rank"]!));
        Assert.True((double)hits[0]!["score"]! >= (double)hits[1]!["score"]!);
        var text = (await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Seeds, "putin-says-us-plan-could-be-basis-for-ukraine-deal.txt"), TestContext.Current.CancellationToken)).ReplaceLineEndings("\n");
        foreach (var hit in hits)
        {
            Assert.Equal("putin-says-us-plan-could-be-basis-for-ukraine-deal", (string?)hit!["articleId"]);
            Assert.Equal(text[(int)hit["start"]!..(int)hit["end"]!], (string?)hit["passage"]);
        }
    }

    [Fact]
    public async Task Run_Mode_SearchesThatWayAndStillFindsTheEvidence()
    {
        var index = BotHost.TempIndex();
        var scores = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var mode in new[] { "lexical", "dense", "hybrid" })
        {
            var (exitCode, output, _) = await VerbRunner.RunAsync("search", Question, "--mode", mode, "--json", "--top", "3", "--index", index);

            Assert.Equal(0, exitCode);
            var hits = JsonNode.Parse(output)!.AsArray();
            Assert.Equal(3, hits.Count);
            Assert.Contains(hits, h => ((string)h!["passage"]!).Contains("Witkoff, will be traveling to Moscow next week", StringComparison.Ordinal));
            scores[mode] = string.Join(" ", hits.Select(h => (double)h!["score"]!));
        }

        // Each mode scores differently, so the option reached the retriever.
        Assert.Equal(3, scores.Values.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task Run_UnknownMode_NamesTheOption()
    {
        var (exitCode, output, error) = await VerbRunner.RunAsync("search", Question, "--mode", "fuzzy");

        Assert.Equal(2, exitCode);
        Assert.Contains("error: Option --mode 'fuzzy' is not one of hybrid, dense, lexical.", error, StringComparison.Ordinal);
        Assert.Empty(output);
    }

    [GeneratedRegex(@"^(?<rank>\d+)\. (?<score>\d+\.\d{3})  ", RegexOptions.Multiline)]
    private static partial Regex Hit();
}
