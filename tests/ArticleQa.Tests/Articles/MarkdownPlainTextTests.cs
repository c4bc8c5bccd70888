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
    [InlineData("1. one\n   1. nested\n2. two", "1. one\n1. nested\n2. two")]
    [InlineData("    indented code\n\nAfter.", "indented code\n\nAfter.")]
    public void Convert_MarkdownBlocks_ReadablePlainText(string markdown, string expected)
    {
        Assert.Equal(expected, ArticleText.Normalize(MarkdownPlainText.Convert(markdown).Text));
    }

    [Theory]
    [InlineData("| Port | Berths | Note |\n|:-----|-------:|------|\n| **North** | 2 | [new](https://x.example) |\n| South | 10 | `old` |\n\nAfter.", "Port | Berths | Note\nNorth | 2 | new\nSouth | 10 | old\n\nAfter.")]
    [InlineData("Port | Berths\n--- | ---\nNorth | 2", "Port | Berths\nNorth | 2")]
    [InlineData("| Not | a table |\nno separator line", "| Not | a table | no separator line")]
    public void Convert_Tables_OneLinePerRowCellsSeparatedByBars(string markdown, string expected)
    {
        Assert.Equal(expected, ArticleText.Normalize(MarkdownPlainText.Convert(markdown).Text));
    }

    [Theory]
    [InlineData("Dredging starts in May.[^when] It ends in June.[^2]\n\n[^when]: Weather permitting.\n[^2]: Says the\n    harbour office.", "Dredging starts in May. It ends in June.\n\nWeather permitting.\n\nSays the harbour office.")]
    [InlineData("Used mark[^a] without a definition [^b].\n\n[^a]: Defined.", "Used mark without a definition [^b].\n\nDefined.")]
    public void Convert_Footnotes_MarksGoNotesFollowAsParagraphs(string markdown, string expected)
    {
        Assert.Equal(expected, ArticleText.Normalize(MarkdownPlainText.Convert(markdown).Text));
    }

    [Theory]
    [InlineData("Before.\n\n<div class=\"box\">\n<p>Inside <b>the</b> box.</p>\n<p>Second.</p>\n</div>\n\nAfter.", "Before.\n\nInside the box.\n\nSecond.\n\nAfter.")]
    [InlineData("<!-- an editor's note -->\nText.", "Text.")]
    [InlineData("<script>alert('x')</script>\n\nText.", "Text.")]
    [InlineData("<table><tr><td>North</td><td>2</td></tr></table>\n\nText.", "North 2\n\nText.")]
    public void Convert_HtmlBlocks_OnlyTheirText(string markdown, string expected)
    {
        Assert.Equal(expected, ArticleText.Normalize(MarkdownPlainText.Convert(markdown).Text));
    }

    [Theory]
    [InlineData("See [the report][r] and [Annex B].\n\n[r]: https://example.com/report \"Report\"\n[annex b]: <https://example.com/b>", "See the report and Annex B.")]
    [InlineData("Collapsed [report][] form.\n\n[report]: /r", "Collapsed report form.")]
    [InlineData("An [undefined][nowhere] reference.", "An [undefined][nowhere] reference.")]
    [InlineData("[r]: https://example.com\n\nOnly a definition above.", "Only a definition above.")]
    public void Convert_ReferenceLinks_TextStaysDefinitionsGo(string markdown, string expected)
    {
        Assert.Equal(expected, ArticleText.Normalize(MarkdownPlainText.Convert(markdown).Text));
    }

    [Fact]
    public void Convert_SquadFixtures_TextIsTheParagraphsExactly()
    {
        // The SQuAD articles are plain paragraphs written as Markdown; reading them must not change a character, or
        // answers and evidence sentences (and their offsets) would no longer be found in the article text.
        var folder = RepositoryPaths.Combine("tests", "eval", "squad", "articles");
        var files = Directory.GetFiles(folder, "*.md");
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var body = MarkdownFrontMatter.Split(File.ReadAllText(file).ReplaceLineEndings("\n")).Body;
            Assert.Equal(ArticleText.Normalize(body), ArticleText.Normalize(MarkdownPlainText.Convert(body).Text));
        }
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
