using System.Text;
using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis;
using UglyToad.PdfPig.DocumentLayoutAnalysis.PageSegmenter;
using UglyToad.PdfPig.DocumentLayoutAnalysis.ReadingOrderDetector;
using UglyToad.PdfPig.DocumentLayoutAnalysis.WordExtractor;

namespace ArticleQa.Articles;

/// <summary>
/// PDF (.pdf) through PdfPig: each page's words are grouped into text blocks (Docstrum layout analysis) and put in
/// reading order; a block is a paragraph, its lines joined with spaces (a word hyphenated at a line end is rejoined).
/// A paragraph cut by a page break is joined again, and blocks that are only a page number are dropped. The title is
/// the document information Title unless that is empty or a file name, else the first line; the author is the
/// information Author. The creation date is not used as the publication date: it is usually when the PDF was printed.
/// </summary>
internal static partial class PdfArticleReader
{
    public static ArticleContent Read(byte[] bytes)
    {
        string? title;
        string? author;
        List<List<string>> pages;
        try
        {
            using var document = PdfDocument.Open(bytes);
            title = UsableTitle(document.Information.Title);
            author = document.Information.Author;
            pages = document.GetPages().Select(PageParagraphs).ToList();
        }
        catch (Exception e)
        {
            throw new InvalidDataException($"not a readable PDF: {e.Message}", e);
        }

        var text = JoinPages(pages);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new InvalidDataException("the PDF contains no text (a scan without a text layer?)");
        }

        return new ArticleContent(title, text, Author: author);
    }

    private static List<string> PageParagraphs(Page page)
    {
        var words = page.GetWords(NearestNeighbourWordExtractor.Instance).ToList();
        if (words.Count == 0)
        {
            return [];
        }

        var blocks = DocstrumBoundingBoxes.Instance.GetBlocks(words);
        return UnsupervisedReadingOrderDetector.Instance.Get(blocks)
            .Select(BlockText)
            .Where(paragraph => paragraph.Length > 0 && !PageNumber().IsMatch(paragraph))
            .ToList();
    }

    private static string BlockText(TextBlock block)
    {
        var text = new StringBuilder();
        foreach (var line in block.TextLines.Select(line => line.Text.Trim()).Where(line => line.Length > 0))
        {
            if (text.Length > 0 && text[^1] == '-' && text.Length > 1 && char.IsLetter(text[^2]) && char.IsLower(line[0]))
            {
                text.Length--; // "harbour au-" + "thority" → "harbour authority"
            }
            else if (text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append(line);
        }

        return text.ToString();
    }

    private static string JoinPages(List<List<string>> pages)
    {
        var paragraphs = new List<string>();
        foreach (var page in pages)
        {
            for (var i = 0; i < page.Count; i++)
            {
                // A page that starts in lower case continues the previous page's unfinished sentence.
                if (i == 0 && paragraphs.Count > 0 && char.IsLower(page[0][0]) && !EndsSentence(paragraphs[^1]))
                {
                    paragraphs[^1] += " " + page[0];
                    continue;
                }

                paragraphs.Add(page[i]);
            }
        }

        return string.Join("\n\n", paragraphs);
    }

    private static bool EndsSentence(string paragraph) => paragraph[^1] is '.' or '!' or '?' or ':' or '"' or '”' or '’';

    private static string? UsableTitle(string? title)
    {
        if (string.IsNullOrWhiteSpace(title) || FileNameLike().IsMatch(title.Trim()))
        {
            return null;
        }

        return title.Trim().Equals("untitled", StringComparison.OrdinalIgnoreCase) ? null : title;
    }

    [GeneratedRegex(@"^(?:page\s+)?[0-9]{1,4}(?:\s*(?:/|of)\s*[0-9]{1,4})?$", RegexOptions.IgnoreCase)]
    private static partial Regex PageNumber();

    // "Microsoft Word - draft3.docx", "report_final.pdf": what PDF printers put in the Title field.
    [GeneratedRegex(@"^Microsoft \w+ - |\.(?:docx?|odt|rtf|pdf|txt|html?|pptx?|xlsx?|indd|pages)$", RegexOptions.IgnoreCase)]
    private static partial Regex FileNameLike();
}
