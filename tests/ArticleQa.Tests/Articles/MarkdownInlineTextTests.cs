using ArticleQa.Articles;

namespace ArticleQa.Tests.Articles;

/// <summary>Inline syntax, through the whole converter (Markdig parses inlines only inside blocks).</summary>
public sealed class MarkdownInlineTextTests
{
    [Theory]
    [InlineData("**bold** and __strong__", "bold and strong")]
    [InlineData("*italic* and _emphasis_", "italic and emphasis")]
    [InlineData("un*believ*able", "unbelievable")]
    [InlineData("snake_case_name stays", "snake_case_name stays")]
    [InlineData("~~gone~~ kept", "gone kept")]
    [InlineData("[the report](https://example.com/r \"Title\") says", "the report says")]
    [InlineData("See [this](<https://example.com/a b>).", "See this.")]
    [InlineData("![A photo](photo.jpg) Caption.", "Caption.")]
    [InlineData("Go to <https://example.com>.", "Go to https://example.com.")]
    [InlineData("Use `a * b` here", "Use a * b here")]
    [InlineData("``code with ` tick``", "code with ` tick")]
    [InlineData(@"Not \*emphasis\* and \[not a link\](x)", "Not *emphasis* and [not a link](x)")]
    [InlineData("Text<br/>with <span class=\"x\">tags</span><!-- hidden -->.", "Text with tags.")]
    [InlineData("5 < 6 and 7 > 3", "5 < 6 and 7 > 3")]
    [InlineData("A **[linked bold](https://x.example)** word", "A linked bold word")]
    [InlineData("Tom &amp; Jerry &copy; 2024", "Tom & Jerry \u00a9 2024")]
    [InlineData("Mail <jo@example.com> today", "Mail jo@example.com today")]
    [InlineData("A footnote mark[^n] goes.\n\n[^n]: Note.", "A footnote mark goes.\n\nNote.")]
    [InlineData("Costs $3 to $12 {per barrel}", "Costs $3 to $12 {per barrel}")]
    [InlineData("\"Quotes\" and 'apostrophes' -- kept", "\"Quotes\" and 'apostrophes' -- kept")]
    public void Of_InlineSyntax_Removed(string markdown, string expected)
    {
        Assert.Equal(expected, ArticleText.Normalize(MarkdownPlainText.Convert(markdown).Text));
    }
}
