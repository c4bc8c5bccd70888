using ArticleBot.Cli;

namespace ArticleBot.Tests.Cli;

public sealed class TypoSuggestionTests
{
    private static readonly string[] Verbs = ["ask", "benchmark", "chat", "eval", "feedback", "ingest", "search", "serve", "teams-package"];

    [Theory]
    [InlineData("serach", "search")]
    [InlineData("akk", "ask")]
    [InlineData("evl", "eval")]
    [InlineData("benchmrak", "benchmark")]
    [InlineData("teams-pakage", "teams-package")]
    [InlineData("frobnicate", null)]
    [InlineData("x", null)]
    public void Closest_Verb_IsTheNearestWithinTwoEdits(string typed, string? expected) =>
        Assert.Equal(expected, TypoSuggestion.Closest(typed, Verbs));

    [Theory]
    [InlineData("ab", "ba", 1)]
    [InlineData("--topp", "--top", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    public void Distance_Table(string a, string b, int expected) => Assert.Equal(expected, TypoSuggestion.Distance(a, b));
}
