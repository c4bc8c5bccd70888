using ArticleQa.Evaluation;

namespace ArticleQa.Tests.Evaluation;

public sealed class EvidenceMatcherTests
{
    [Theory]
    [InlineData("a  b", "a b")]
    [InlineData("  a\n\tb \r\n", "a b")]
    [InlineData("a\u00a0b", "a b")]
    [InlineData("", "")]
    [InlineData(" \n ", "")]
    public void NormalizeWhitespace_Text_CollapsesRunsAndTrims(string text, string expected)
    {
        Assert.Equal(expected, EvidenceMatcher.NormalizeWhitespace(text));
    }
}
