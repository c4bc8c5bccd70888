using System.IO.Compression;
using System.Text;
using ArticleQa.Articles;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ArticleQa.Tests.Articles;

public sealed class DocxArticleReaderTests
{
    [Fact]
    public void Read_CoreProperties_GiveTitleAndAuthor()
    {
        var docx = BuildDocx("Harbour works to begin in May", "Jo Bloggs", ("Dredging starts in May.", null), ("Fishermen ask for compensation.", null));

        var content = DocxArticleReader.Read(docx);

        Assert.Equal("Harbour works to begin in May", content.Title);
        Assert.Equal("Jo Bloggs", content.Author);
        Assert.Equal("Dredging starts in May.\n\nFishermen ask for compensation.", content.Text);
    }

    [Theory]
    [InlineData("Title")]
    [InlineData("Heading1")]
    public void Read_NoCoreTitle_TitleFromTitleOrHeading1StyledParagraph(string styleId)
    {
        var docx = BuildDocx(null, null, ("Briefing note", null), ("Harbour works to begin", styleId), ("Dredging starts in May.", null));

        Assert.Equal("Harbour works to begin", DocxArticleReader.Read(docx).Title);
    }

    [Fact]
    public void Read_LocalisedHeadingStyleId_RecognisedByStyleName()
    {
        var docx = BuildDocx(null, null, ("Intro line", null), ("Hafenarbeiten beginnen", "berschrift1"), ("Text.", null));

        Assert.Equal("Hafenarbeiten beginnen", DocxArticleReader.Read(docx).Title);
    }

    [Fact]
    public void Read_NoTitleAnywhere_TitleLeftToTheFirstParagraph()
    {
        var content = DocxArticleReader.Read(BuildDocx(null, null, ("First paragraph.", null), ("Second.", null)));

        Assert.Null(content.Title);
    }

    [Fact]
    public void Read_LineBreakTabsAndTable_KeptAsReadableText()
    {
        var table = new Table(new TableRow(Cell("Berths closed"), Cell("2")));
        var docx = BuildDocx(null, null, [Para("Line one\nline two"), Para("a\tb"), table]);

        var content = DocxArticleReader.Read(docx);

        Assert.Equal("Line one\nline two\n\na b\n\nBerths closed\n\n2", content.Text);
    }

    [Fact]
    public void Read_OnlyEmptyParagraphs_ThrowsNoText()
    {
        var error = Assert.Throws<InvalidDataException>(() => DocxArticleReader.Read(BuildDocx(null, null, ("   ", null))));

        Assert.Equal("the document contains no text", error.Message);
    }

    [Fact]
    public void Read_RandomBytes_ThrowsNotReadable()
    {
        var error = Assert.Throws<InvalidDataException>(() => DocxArticleReader.Read(Encoding.ASCII.GetBytes("PK\u0003\u0004 not really a zip")));

        Assert.StartsWith("not a readable DOCX document: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ZipWithoutWordDocument_ThrowsNotReadable()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("readme.txt").Open());
            writer.Write("not a word document");
        }

        var error = Assert.Throws<InvalidDataException>(() => DocxArticleReader.Read(stream.ToArray()));

        Assert.StartsWith("not a readable DOCX document: ", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A .docx whose body holds the paragraphs, each with an optional paragraph style id.</summary>
    public static byte[] BuildDocx(string? title, string? author, params (string Text, string? StyleId)[] paragraphs) =>
        BuildDocx(title, author, paragraphs.Select(p => (OpenXmlElement)Para(p.Text, p.StyleId)).ToArray());

    private static byte[] BuildDocx(string? title, string? author, OpenXmlElement[] bodyElements)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(bodyElements));
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(
                new Style(new StyleName { Val = "Title" }) { Type = StyleValues.Paragraph, StyleId = "Title" },
                new Style(new StyleName { Val = "heading 1" }) { Type = StyleValues.Paragraph, StyleId = "Heading1" },
                new Style(new StyleName { Val = "heading 1" }) { Type = StyleValues.Paragraph, StyleId = "berschrift1" });
            document.PackageProperties.Title = title;
            document.PackageProperties.Creator = author;
        }

        return stream.ToArray();
    }

    private static Paragraph Para(string text, string? styleId = null)
    {
        var run = new Run();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                run.Append(new Break());
            }

            var parts = lines[i].Split('\t');
            for (var j = 0; j < parts.Length; j++)
            {
                if (j > 0)
                {
                    run.Append(new TabChar());
                }

                run.Append(new DocumentFormat.OpenXml.Wordprocessing.Text(parts[j]) { Space = SpaceProcessingModeValues.Preserve });
            }
        }

        var paragraph = new Paragraph(run);
        if (styleId is not null)
        {
            paragraph.PrependChild(new ParagraphProperties(new ParagraphStyleId { Val = styleId }));
        }

        return paragraph;
    }

    private static TableCell Cell(string text) => new(Para(text));
}
