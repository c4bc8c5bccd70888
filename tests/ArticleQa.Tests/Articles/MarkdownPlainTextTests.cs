using ArticleQa.Articles;

namespace ArticleQa.Tests.Articles;

public sealed class MarkdownPlainTextTests
{
    [Theory]
    [InlineData("# Heading #\nText.", "Heading\n\nText.")]
    [InlineData("Heading\n-------\nText.", "Heading\n\nText.")]
    [InlineData("A paragraph that is\nsoft wrapped over\nthree lines.", "A paragraph that is soft wrapped over three lines.")]
    [InlineData("Line one  \nline two", "Line one\nline two")]
    [InlineData("First.\n\n\n\nSecond.", "First.\n\nSecond.")]
    [InlineData("- one\n- two\n  continued\n* three", "one\ntwo continued\nthree")]
    [InlineData("1. first\n2) second", "1. first\n2. second")]
    [InlineData("- [x] done\n- [ ] todo", "done\ntodo")]
    [InlineData("> Quoted\n> text.", "Quoted text.")]
    [InlineData("```csharp\nvar x = 1;\n  indented();\n```\nAfter.", "var x = 1;\n  indented();\n\nAfter.")]
    [InlineData("~~~\n# not a heading\n~~~", "# not a heading")]
    [InlineData("Before.\n\n***\n\nAfter.", "Before.\n\nAfter.")]
    [InlineData("| Name | Berths |\n|------|:------:|\n| North | 2 |", "Name | Berths\nNorth | 2")]
    [InlineData("See [the report][r].\n\n[r]: https://example.com/report \"Report\"", "See the report.")]
    [InlineData("Text with a note.[^1]\n\n[^1]: The note.", "Text with a note.\n\nThe note.")]
    [InlineData("#hashtag is not a heading", "#hashtag is not a heading")]
    public void Convert_MarkdownBlocks_ReadablePlainText(string markdown, string expected)
    {
        Assert.Equal(expected, ArticleText.Normalize(MarkdownPlainText.Convert(markdown).Text));
    }

    [Theory]
    [InlineData("## Sub\n\n# Main\n\n# Second", "Main")]
    [InlineData("Main *title*\n===\n\nText.", "Main title")]
    [InlineData("## Only a subheading", null)]
    public void Convert_LevelOneHeadings_FirstIsFirstHeading(string markdown, string? expected)
    {
        Assert.Equal(expected, MarkdownPlainText.Convert(markdown).FirstHeading);
    }
}
