using ArticleQa.Text;

namespace ArticleQa.Tests.Text;

public sealed class TermAnalyzerTests
{
    [Theory]
    [InlineData("The negotiators' plans were changing", "negoti|plan|were|chang")]
    [InlineData("Putin's 28-point plan", "putin|28|point|plan")]
    [InlineData("the of and", "")]
    public void Analyze_Text_StemsLowerCasesAndDropsStopWords(string text, string expected)
    {
        Assert.Equal(expected, string.Join("|", TermAnalyzer.Analyze(text)));
    }
}
