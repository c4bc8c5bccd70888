using System.Text;
using ArticleQa.Articles;

namespace ArticleQa.Tests.Articles;

public sealed class MarkdownArticleReaderTests
{
    [Fact]
    public void Read_FrontMatter_GivesEveryMetadataField()
    {
        const string markdown = """
            ---
            title: "Harbour works: what changes"
            url: https://news.example/harbour
            author: Jo Bloggs
            published: 2024-03-05T09:30:00+01:00
            source: The Example Times
            tags: [harbour, fishing]
            ---
            # Harbour works

            Dredging starts in **May**.
            """;

        var content = Read(markdown);

        Assert.Equal("Harbour works: what changes", content.Title);
        Assert.Equal(new Uri("https://news.example/harbour"), content.Url);
        Assert.Equal("Jo Bloggs", content.Author);
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 9, 30, 0, TimeSpan.FromHours(1)), content.Published);
        Assert.Equal("The Example Times", content.Source);
        Assert.Equal("Harbour works\n\nDredging starts in May.", content.Text.TrimEnd());
    }

    [Theory]
    [InlineData("published: 2024-03-05", "2024-03-05T00:00:00+00:00")]
    [InlineData("date: 2024-03-05 10:00", "2024-03-05T10:00:00+00:00")]
    [InlineData("published: \"March 5, 2024\"", "2024-03-05T00:00:00+00:00")]
    public void Read_DateForms_ParsedAsUtcUnlessOffsetGiven(string line, string expected)
    {
        var content = Read($"---\n{line}\n---\nBody.\n");

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), content.Published);
    }

    [Fact]
    public void Read_AuthorList_JoinedWithCommas()
    {
        Assert.Equal("Jo Bloggs, Sam Smith", Read("---\nauthor:\n  - Jo Bloggs\n  - Sam Smith\n---\nBody.\n").Author);
    }

    [Theory]
    [InlineData("# Harbour works\n\nBody.", "Harbour works")]
    [InlineData("Harbour works\n=============\n\nBody.", "Harbour works")]
    [InlineData("## Section first\n\n# Real title\n\nBody.", "Real title")]
    [InlineData("Just a paragraph.\n\nAnother.", null)]
    public void Read_NoFrontMatterTitle_TitleFromFirstLevelOneHeading(string markdown, string? expected)
    {
        Assert.Equal(expected, Read(markdown).Title);
    }

    [Theory]
    [InlineData("---\ntitle: [unclosed\n---\nBody.", "malformed front matter: invalid YAML")]
    [InlineData("---\ntitle: \"unterminated\n---\nBody.", "malformed front matter: invalid YAML at line 2: ")]
    [InlineData("---\ntitle: A\ntitle: B\n---\nBody.", "malformed front matter: invalid YAML at line 3: ")]
    [InlineData("---\n- just\n- a list\n---\nBody.", "malformed front matter: it is not a YAML mapping of keys to values")]
    [InlineData("---\ntitle: Never closed\n\nBody.", "malformed front matter: the '---' on the first line is never closed by another '---' line")]
    [InlineData("---\npublished: next week\n---\nBody.", "malformed front matter: 'published' is not a date: 'next week'")]
    [InlineData("---\ndate: soon\n---\nBody.", "malformed front matter: 'date' is not a date: 'soon'")]
    [InlineData("---\nurl: /news/harbour\n---\nBody.", "malformed front matter: 'url' is not an absolute http(s) URL: '/news/harbour'")]
    public void Read_MalformedFrontMatter_ThrowsWithTheReason(string markdown, string reason)
    {
        var error = Assert.Throws<InvalidDataException>(() => Read(markdown));

        Assert.StartsWith(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ThematicBreakLaterInFile_NotMistakenForFrontMatter()
    {
        var content = Read("# Title\n\nFirst part.\n\n---\n\nSecond part.");

        Assert.Equal("Title\n\nFirst part.\n\nSecond part.", ArticleText.Normalize(content.Text));
    }

    [Fact]
    public void Read_EmptyFrontMatter_BodyOnly()
    {
        var content = Read("---\n---\n# Title\n\nBody.");

        Assert.Equal("Title", content.Title);
        Assert.Equal("Title\n\nBody.", ArticleText.Normalize(content.Text));
    }

    [Fact]
    public void Read_WindowsLineEndingsAndBom_FrontMatterStillFound()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("---\r\ntitle: Harbour\r\n---\r\nBody.\r\n")).ToArray();

        var content = MarkdownArticleReader.Read(bytes);

        Assert.Equal("Harbour", content.Title);
        Assert.Equal("Body.", ArticleText.Normalize(content.Text));
    }

    [Fact]
    public void Load_FixtureWithTableFootnoteHtmlAndReferenceLinks_PlainTextAndPassageOffsets()
    {
        var file = FixtureFiles.PathOf("harbour-report.md");
        var article = ArticleLoader.Load(file, Path.GetDirectoryName(file)!);

        Assert.Equal("Harbour works report", article.Title);
        Assert.Equal(
            """
            Harbour works report

            Dredging of the inner basin starts in May and ends in June, the harbour office said on Tuesday.

            Berth | Length (m) | Open
            North | 120 | from July
            South | 95 | 2025

            Fishing boats move to the outer pier while the works last.

            The council has set aside 4.2 million euros for the works.

            The north quay reopens first.
            The ferry keeps its timetable.

            Weather permitting, according to the contractor.
            """.ReplaceLineEndings("\n"),
            article.Text);
        var passages = new PassageSplitter(Microsoft.Extensions.Options.Options.Create(new ArticlesOptions())).Split(article);
        Assert.NotEmpty(passages);
        Assert.All(passages, p => Assert.Equal(article.Text[p.Start..p.End], p.Text));
    }

    private static ArticleContent Read(string markdown) => MarkdownArticleReader.Read(Encoding.UTF8.GetBytes(markdown));
}
