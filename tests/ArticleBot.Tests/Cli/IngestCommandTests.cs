using System.Text.RegularExpressions;
using ArticleBot.Cli;

namespace ArticleBot.Tests.Cli;

public sealed partial class IngestCommandTests
{
    [Fact]
    public async Task Run_NewIndexThenAgain_CountsArticlesAndPassagesAndEmbedsNothingTheSecondTime()
    {
        var index = BotHost.TempIndex();
        var articles = Directory.GetFiles(RepositoryPaths.Seeds).Length;

        var (firstExit, first, _) = await VerbRunner.RunAsync("ingest", "--index", index);
        var (secondExit, second, _) = await VerbRunner.RunAsync("ingest", "--index", index);

        Assert.Equal(0, firstExit);
        var summary = Summary().Match(first);
        Assert.True(summary.Success, first);
        Assert.Equal(articles, int.Parse(summary.Groups["articles"].Value, System.Globalization.CultureInfo.InvariantCulture));
        var passages = int.Parse(summary.Groups["passages"].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(passages > 0, first);
        Assert.Contains($"{articles} added", first, StringComparison.Ordinal);
        Assert.Contains($"{passages} passages embedded", first, StringComparison.Ordinal);

        Assert.Equal(0, secondExit);
        Assert.Contains($"{articles} articles ({passages} passages)", second, StringComparison.Ordinal);
        Assert.Contains($"0 added, 0 changed, 0 removed, {articles} unchanged", second, StringComparison.Ordinal);
        Assert.Contains("; 0 passages embedded", second, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^Indexed .+: (?<articles>\d+) articles \((?<passages>\d+) passages\)", RegexOptions.Multiline)]
    private static partial Regex Summary();
}
