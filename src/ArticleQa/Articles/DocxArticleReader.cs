using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ArticleQa.Articles;

/// <summary>
/// Word documents (.docx) through DocumentFormat.OpenXml: every paragraph of the body (tables included; deleted
/// revisions, headers, footers and comments not) is a paragraph of text; a line break inside one stays a line break.
/// The title is the core property Title, else the first paragraph styled Title or Heading 1, else the first paragraph;
/// the author is the core property Creator.
/// </summary>
internal static class DocxArticleReader
{
    private static readonly string[] TitleStyles = ["title", "heading1", "heading 1"];

    public static ArticleContent Read(byte[] bytes)
    {
        string? title;
        string? author;
        List<(string Text, bool IsTitleStyled)> paragraphs;
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var document = WordprocessingDocument.Open(stream, isEditable: false);
            var body = document.MainDocumentPart?.Document?.Body
                ?? throw new InvalidDataException("it has no document body");
            var styleNames = StyleNames(document.MainDocumentPart!);
            paragraphs = body.Descendants<Paragraph>()
                .Select(paragraph => (Text: ParagraphText(paragraph), IsTitleStyled: IsTitleStyled(paragraph, styleNames)))
                .Where(paragraph => paragraph.Text.Trim().Length > 0)
                .ToList();
            title = document.PackageProperties.Title;
            author = document.PackageProperties.Creator;
        }
        catch (Exception e)
        {
            throw new InvalidDataException($"not a readable DOCX document: {e.Message}", e);
        }

        if (paragraphs.Count == 0)
        {
            throw new InvalidDataException("the document contains no text");
        }

        title = string.IsNullOrWhiteSpace(title) ? paragraphs.FirstOrDefault(p => p.IsTitleStyled).Text : title;
        return new ArticleContent(title, string.Join("\n\n", paragraphs.Select(p => p.Text)), Author: author);
    }

    private static string ParagraphText(Paragraph paragraph)
    {
        var text = new StringBuilder();
        foreach (var element in paragraph.Descendants())
        {
            // A text box's paragraphs sit inside this one's runs; they are read as paragraphs of their own.
            if (element.Ancestors<Paragraph>().First() != paragraph)
            {
                continue;
            }

            text.Append(element switch
            {
                DocumentFormat.OpenXml.Wordprocessing.Text t => t.Text,
                TabChar => " ",
                Break or CarriageReturn => "\n",
                NoBreakHyphen => "-",
                _ => string.Empty,
            });
        }

        return text.ToString();
    }

    private static Dictionary<string, string> StyleNames(MainDocumentPart part) =>
        part.StyleDefinitionsPart?.Styles?.Elements<Style>()
            .Where(style => style.StyleId?.Value is not null && style.StyleName?.Val?.Value is not null)
            .GroupBy(style => style.StyleId!.Value!)
            .ToDictionary(group => group.Key, group => group.First().StyleName!.Val!.Value!)
        ?? [];

    private static bool IsTitleStyled(Paragraph paragraph, Dictionary<string, string> styleNames)
    {
        var styleId = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
        if (styleId is null)
        {
            return false;
        }

        var styleName = styleNames.GetValueOrDefault(styleId, styleId);
        return TitleStyles.Contains(styleId, StringComparer.OrdinalIgnoreCase)
            || TitleStyles.Contains(styleName, StringComparer.OrdinalIgnoreCase);
    }
}
