using System.Text;
using ArticleQa.Articles;

namespace ArticleQa.Tests.Articles;

public sealed class HtmlArticleReaderTests
{
    private static readonly string Paragraphs = string.Concat(Enumerable.Range(1, 6).Select(i =>
        $"<p>Paragraph {i} says the harbour works will close two berths and fishermen want compensation for lost income.</p>"));

    [Fact]
    public void Read_NewsPageWithBoilerplate_KeepsTheStoryAndDropsTheRest()
    {
        var text = ReadFixture().Text;

        Assert.StartsWith("Council approves Riverside flood barrier after decade of delays\n\n", text, StringComparison.Ordinal);
        Assert.Contains("Northfield councillors have approved a £48 million flood barrier", text, StringComparison.Ordinal);
        Assert.Contains("\"We have waited long enough,\" said Janet Hollis", text, StringComparison.Ordinal);
        Assert.EndsWith("ask questions about road closures during construction.", text, StringComparison.Ordinal);
        string[] boilerplate =
        [
            "Skip to main content", "We use cookies", "Accept all", "Subscribe from", "What's On", "Weather", "Share on Facebook",
            "Related stories", "Insurers refuse cover", "Most read", "Spring fair", "Comments (3)", "RiversideRob", "dragged its feet",
            "Log in to comment", "morning briefing", "Privacy policy", "All rights reserved", "Advertisement", "dataLayer",
        ];
        Assert.All(boilerplate, phrase => Assert.DoesNotContain(phrase, text, StringComparison.Ordinal));
    }

    [Fact]
    public void Read_NewsPage_ParagraphsAndSubheadingsSeparatedByBlankLines()
    {
        var text = ReadFixture().Text;

        Assert.Contains(
            "allowing for projected climate change.\n\nThree floods in one winter\n\nRiverside was flooded three times",
            text,
            StringComparison.Ordinal);
        Assert.DoesNotContain("\n\n\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("  ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NewsPage_MetadataComesThrough()
    {
        var article = ReadFixture();

        Assert.Equal("Council approves Riverside flood barrier after decade of delays", article.Title);
        Assert.Equal("Maria Okafor", article.Author);
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 9, 30, 0, TimeSpan.Zero), article.Published);
        Assert.Equal(new Uri("https://www.northfieldgazette.example/news/2024/03/05/riverside-flood-barrier-approved"), article.Url);
        Assert.Equal("The Northfield Gazette", article.Source);
    }

    [Fact]
    public void Read_PublishedTimeWithOffset_KeepsTheOffset()
    {
        var html = Page(head: "<meta property='article:published_time' content='2024-03-05T00:30:00+01:00'>");

        var published = Read(html).Published;

        Assert.Equal(TimeSpan.FromHours(1), published?.Offset);
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 0, 30, 0, TimeSpan.FromHours(1)), published);
    }

    [Fact]
    public void Read_OnlyATimeElement_DateFromItsDatetime()
    {
        var html = Page(article: "<time datetime='2023-01-02T03:04:05-05:00'>2 January</time>");

        Assert.Equal(new DateTimeOffset(2023, 1, 2, 3, 4, 5, TimeSpan.FromHours(-5)), Read(html).Published);
    }

    [Theory]
    [InlineData("<link rel='canonical' href='https://example.com/a'><meta property='og:url' content='https://example.com/b'>", "https://example.com/a")]
    [InlineData("<meta property='og:url' content='https://example.com/b'>", "https://example.com/b")]
    [InlineData("<link rel='canonical' href='/relative/path'>", null)]
    [InlineData("", null)]
    public void Read_CanonicalOrOgUrl_BecomesUrl(string head, string? expected)
    {
        Assert.Equal(expected, Read(Page(head: head)).Url?.AbsoluteUri);
    }

    [Fact]
    public void Read_BylineWithoutAuthorMetadata_AuthorFromByline()
    {
        var html = Page(article: "<p class='byline'>By Jo Bloggs, Industry Correspondent</p>");

        Assert.Equal("Jo Bloggs", Read(html).Author);
    }

    [Fact]
    public void Read_TitleElementOnly_BecomesTitle()
    {
        var content = Read(Page(title: "Harbour works to begin"));

        Assert.Equal("Harbour works to begin", content.Title);
    }

    [Theory]
    [InlineData("<html><head><title>Nothing</title></head><body></body></html>")]
    [InlineData("<html><body><script>var x = 1;</script><nav><ul><li></li></ul></nav></body></html>")]
    [InlineData("<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><footer>© 2024 Example Media</footer></body></html>")]
    public void Read_PageWithoutText_ThrowsNoArticleText(string html)
    {
        var error = Assert.Throws<InvalidDataException>(() => Read(html));

        Assert.Equal("no article text found in the HTML", error.Message);
    }

    [Fact]
    public void Read_ShortArticleReadabilityDoesNotScore_StillRead()
    {
        const string story = "The harbour authority said on Tuesday that dredging of the inner basin will start in May and last for about six months, closing two berths to fishing boats in the meantime, officials said.";
        var html = $"<html><head><title>Dredging</title></head><body><nav><a href='/'>Home</a></nav><article><h1>Dredging</h1><p>{story}</p></article></body></html>";

        var content = Read(html);

        Assert.Equal(story, content.Text);
        Assert.Equal("Dredging", content.Title);
    }

    [Fact]
    public void Read_Utf16WithBom_Decoded()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Page(title: "Café"))).ToArray();

        Assert.Equal("Café", HtmlArticleReader.Read(bytes, "/tmp/page.html").Title);
    }

    [Fact]
    public void Load_Windows1252PageWithMetaCharset_DecodedAsThePageSays()
    {
        var file = FixtureFiles.PathOf("windows-1252.html");

        var article = ArticleLoader.Load(file, Path.GetDirectoryName(file)!);

        Assert.Equal("Café crème returns to the harbour front", article.Title);
        Assert.Equal("Renée Lefèvre", article.Author);
        Assert.Contains("after a €120,000 refit", article.Text, StringComparison.Ordinal);
        Assert.Contains("“We kept the old naïve murals,” she said, ‘and the crêpes.’", article.Text, StringComparison.Ordinal);
        Assert.Contains("nine o’clock – some for an hour –", article.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<meta http-equiv='Content-Type' content='text/html; charset=windows-1252'>")]
    [InlineData("<META CHARSET=ISO-8859-1>")]
    [InlineData("<meta charset=\"latin1\">")]
    public void Read_LegacyCharsetDeclaredAnyWay_DecodedAsWindows1252(string meta)
    {
        var bytes = Encoding.Latin1.GetBytes(Page(title: "Harbour", head: meta, article: "<p>Caf\u00e9 cr\u00e8me.</p>"));

        Assert.Contains("Café crème.", HtmlArticleReader.Read(bytes, "/tmp/page.html").Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Latin1BytesWithoutADeclaration_StillRejectedAsNotUtf8()
    {
        var bytes = Encoding.Latin1.GetBytes(Page(article: "<p>Café crème.</p>"));

        var error = Assert.Throws<InvalidDataException>(() => HtmlArticleReader.Read(bytes, "/tmp/page.html"));

        Assert.StartsWith("not valid UTF-8 text", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnknownDeclaredCharset_ErrorNamesTheLabel()
    {
        var bytes = Encoding.ASCII.GetBytes(Page(head: "<meta charset='klingon-9'>"));

        var error = Assert.Throws<InvalidDataException>(() => HtmlArticleReader.Read(bytes, "/tmp/page.html"));

        Assert.Equal("the page declares charset 'klingon-9', which is not a known encoding", error.Message);
    }

    [Fact]
    public void Read_DeclaredUtf8ButInvalidBytes_RejectedAsNotUtf8()
    {
        var bytes = Encoding.Latin1.GetBytes(Page(head: "<meta charset='utf-8'>", article: "<p>Café.</p>"));

        var error = Assert.Throws<InvalidDataException>(() => HtmlArticleReader.Read(bytes, "/tmp/page.html"));

        Assert.StartsWith("not valid UTF-8 text (invalid 0xE9", error.Message, StringComparison.Ordinal);
    }

    private static Article ReadFixture()
    {
        var file = FixtureFiles.PathOf("news-page.html");
        return ArticleLoader.Load(file, Path.GetDirectoryName(file)!);
    }

    private static ArticleContent Read(string html) => HtmlArticleReader.Read(Encoding.UTF8.GetBytes(html), "/tmp/page.html");

    private static string Page(string title = "Harbour", string head = "", string article = "") =>
        $"<html><head><title>{title}</title>{head}</head><body><article><h1>{title}</h1>{article}{Paragraphs}</article></body></html>";
}
