using ArticleQa.Articles;

namespace ArticleQa.Tests.Articles;

public sealed class ArticleTextTests
{
    [Theory]
    [InlineData("a\r\nb\rc\n", "a\nb\nc")]
    [InlineData("\uFEFFTitle", "Title")]
    [InlineData("\n\n  \nTitle  \n\n\n\nBody\t\n\n", "Title\n\nBody")]
    [InlineData("  indented first line\n  indented second", "indented first line\n  indented second")]
    [InlineData(" \n\t\n", "")]
    public void Normalize_AnyText_CanonicalForm(string text, string expected)
    {
        Assert.Equal(expected, ArticleText.Normalize(text));
    }

    [Theory]
    [InlineData("Body says harbour works.", "Harbour works", "Body says harbour works.")]
    [InlineData("Harbour works\n\nBody.", "Harbour works", "Harbour works\n\nBody.")]
    [InlineData("Standfirst.\n\nBody.", "Harbour works", "Harbour works\n\nStandfirst.\n\nBody.")]
    public void WithTitle_TitleMissingFromFirstParagraph_Prepended(string text, string title, string expected)
    {
        Assert.Equal(expected, ArticleText.WithTitle(text, title));
    }

    [Theory]
    [InlineData("  Harbour \n  works ", "Harbour works")]
    [InlineData("   ", null)]
    [InlineData(null, null)]
    public void SingleLine_AnyText_WhitespaceCollapsed(string? text, string? expected)
    {
        Assert.Equal(expected, ArticleText.SingleLine(text));
    }
}
