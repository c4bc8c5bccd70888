using System.Text;
using ArticleQa.Articles;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace ArticleQa.Tests.Articles;

public sealed class PdfArticleReaderTests
{
    [Fact]
    public void Read_WrappedParagraphs_OneParagraphPerBlockWithLinesJoined()
    {
        var pdf = BuildPdf("Harbour works to begin in May", [[
            "Harbour works to begin in May",
            "The harbour authority said on Tuesday that dredging of the\ninner basin will start in May and last for about six\nmonths, closing two berths to fishing boats.",
            "Fishermen have asked for compensation. The authority said it\nwould consider claims from owners who can show lost income.",
        ]]);

        var content = PdfArticleReader.Read(pdf);

        Assert.Equal("Harbour works to begin in May", content.Title);
        Assert.Equal(
            "Harbour works to begin in May\n\n"
            + "The harbour authority said on Tuesday that dredging of the inner basin will start in May and last for about six months, closing two berths to fishing boats.\n\n"
            + "Fishermen have asked for compensation. The authority said it would consider claims from owners who can show lost income.",
            content.Text);
    }

    [Fact]
    public void Read_InformationAuthor_BecomesAuthor()
    {
        var content = PdfArticleReader.Read(BuildPdf("Title", [["Some text here."]], author: "Jo Bloggs"));

        Assert.Equal("Jo Bloggs", content.Author);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Microsoft Word - draft3.docx")]
    [InlineData("harbour_final.pdf")]
    [InlineData("Untitled")]
    public void Read_NoUsableInformationTitle_TitleLeftToTheFirstLine(string? infoTitle)
    {
        var pdf = BuildPdf(infoTitle, [["Body text of the article,\nwrapped over two lines."]], headline: "Harbour works to begin");

        var content = PdfArticleReader.Read(pdf);

        Assert.Null(content.Title);
        Assert.Equal("Harbour works to begin\n\nBody text of the article, wrapped over two lines.", content.Text);
    }

    [Fact]
    public void Read_WordHyphenatedAtLineEnd_IsRejoined()
    {
        var content = PdfArticleReader.Read(BuildPdf(null, [["The harbour au-\nthority met on Tuesday."]]));

        Assert.Equal("The harbour authority met on Tuesday.", content.Text);
    }

    [Fact]
    public void Read_SentenceRunningOverAPageBreak_JoinedAndPageNumbersDropped()
    {
        string[][] pages =
        [
            ["The authority said on Tuesday that dredging of the\ninner basin will"],
            ["start in May and last for about six months, closing\ntwo berths to fishing boats.", "A second paragraph follows\nafter the first one."],
        ];

        var content = PdfArticleReader.Read(BuildPdf(null, pages, headline: "Harbour works", pageNumbers: true));

        Assert.Equal(
            "Harbour works\n\n"
            + "The authority said on Tuesday that dredging of the inner basin will start in May and last for about six months, closing two berths to fishing boats.\n\n"
            + "A second paragraph follows after the first one.",
            content.Text);
    }

    [Fact]
    public void Read_PageWithoutText_ThrowsNoText()
    {
        var builder = new PdfDocumentBuilder();
        builder.AddPage(PageSize.A4);

        var error = Assert.Throws<InvalidDataException>(() => PdfArticleReader.Read(builder.Build()));

        Assert.Equal("the PDF contains no text (a scan without a text layer?)", error.Message);
    }

    [Theory]
    [InlineData("not a pdf at all")]
    [InlineData("%PDF-1.7\n1 0 obj <<")]
    public void Read_CorruptFile_ThrowsNotReadable(string bytes)
    {
        var error = Assert.Throws<InvalidDataException>(() => PdfArticleReader.Read(Encoding.ASCII.GetBytes(bytes)));

        Assert.StartsWith("not a readable PDF: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TruncatedFile_ThrowsNotReadable()
    {
        var pdf = BuildPdf("Title", [["Some text on the page."]]);

        var error = Assert.Throws<InvalidDataException>(() => PdfArticleReader.Read(pdf[..(pdf.Length / 3)]));

        Assert.StartsWith("not a readable PDF: ", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Single-page PDF, one paragraph per item.</summary>
    public static byte[] BuildPdf(string? title, string[] paragraphs) => BuildPdf(title, [paragraphs]);

    /// <summary>
    /// A PDF with a page per item of <paramref name="pages"/>; a paragraph's lines are separated by '\n' and laid out
    /// at 12 pt with 14 pt leading, paragraphs one empty line apart; optionally an 18 pt headline on the first page and
    /// a page number at the foot of each page.
    /// </summary>
    public static byte[] BuildPdf(string? title, string[][] pages, string? author = null, string? headline = null, bool pageNumbers = false)
    {
        using var builder = new PdfDocumentBuilder();
        builder.DocumentInformation.Title = title;
        builder.DocumentInformation.Author = author;
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        for (var pageNumber = 1; pageNumber <= pages.Length; pageNumber++)
        {
            var page = builder.AddPage(PageSize.A4);
            var y = 780.0;
            if (pageNumber == 1 && headline is not null)
            {
                page.AddText(headline, 18, new PdfPoint(50, y), font);
                y -= 40;
            }

            foreach (var paragraph in pages[pageNumber - 1])
            {
                foreach (var line in paragraph.Split('\n'))
                {
                    page.AddText(line, 12, new PdfPoint(50, y), font);
                    y -= 14;
                }

                y -= 14;
            }

            if (pageNumbers)
            {
                page.AddText(pageNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), 10, new PdfPoint(297, 30), font);
            }
        }

        return builder.Build();
    }
}
