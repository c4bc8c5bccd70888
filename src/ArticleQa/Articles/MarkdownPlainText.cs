using System.Text;
using AngleSharp.Html.Parser;
using Markdig;
using Markdig.Extensions.Footnotes;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using ArticleQa.Text;

namespace ArticleQa.Articles;

/// <summary>
/// Converts a Markdown body to readable plain text through Markdig's CommonMark parser (with pipe tables, footnotes,
/// strikethrough and task lists): headings, list items, table rows and code lines each get a line of their own; a
/// paragraph's soft-wrapped lines are joined into one line (a line break ends a sentence for
/// <see cref="SentenceSplitter"/>), a hard line break keeps its line; blocks are separated by a blank line. Heading and
/// quote marks, bullets, fences, link targets, images, footnote marks and reference definitions go; an HTML block keeps
/// only its text (<see cref="HtmlTextExtractor"/>). Extensions that would read ordinary prose as syntax (math between
/// dollar signs, generic attributes in braces, smart quotes) are deliberately left out.
/// </summary>
internal sealed class MarkdownPlainText
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseFootnotes()
        .UseEmphasisExtras(Markdig.Extensions.EmphasisExtras.EmphasisExtraOptions.Strikethrough)
        .UseTaskLists()
        .Build();

    private readonly StringBuilder _text = new();

    private MarkdownPlainText()
    {
    }

    /// <summary>The first level-1 heading (<c># Title</c> or a line underlined with <c>===</c>), as plain text.</summary>
    public string? FirstHeading { get; private set; }

    public string Text => _text.ToString();

    public static MarkdownPlainText Convert(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var converter = new MarkdownPlainText();
        converter.AddBlocks(Markdown.Parse(markdown.ReplaceLineEndings("\n"), Pipeline));
        return converter;
    }

    private void AddBlocks(ContainerBlock container)
    {
        Block? previous = null;
        foreach (var block in container)
        {
            // Two lists in a row (a change of bullet or of "1." to "1)") read as one list.
            if (!(block is ListBlock && previous is ListBlock))
            {
                EndBlock();
            }

            AddBlock(block);
            previous = block;
        }
    }

    private void AddBlock(Block block)
    {
        switch (block)
        {
            case HeadingBlock heading:
                AddHeading(heading);
                break;
            case ParagraphBlock paragraph:
                AppendLines(MarkdownInlineText.Of(paragraph.Inline));
                break;
            case CodeBlock code:
                foreach (var line in code.Lines.Lines.Take(code.Lines.Count))
                {
                    _text.Append(line.Slice.ToString().TrimEnd()).Append('\n');
                }

                break;
            case HtmlBlock html:
                AppendLines(HtmlTextExtractor.Extract(new HtmlParser().ParseDocument(html.Lines.ToString()).Body!));
                break;
            case ListBlock list:
                AddList(list);
                break;
            case Table table:
                AddTable(table);
                break;
            case ContainerBlock container:
                // Quotes, footnotes and the footnote group: their blocks, without the marks.
                AddBlocks(container);
                break;
            default:
                // Thematic breaks, link reference definitions and blank lines carry no text.
                break;
        }
    }

    private void AddHeading(HeadingBlock heading)
    {
        var text = MarkdownInlineText.Of(heading.Inline);
        if (heading.Level == 1 && text.Length > 0)
        {
            FirstHeading ??= text;
        }

        AppendLines(text);
    }

    private void AddList(ListBlock list)
    {
        foreach (var item in list.OfType<ListItemBlock>())
        {
            var start = _text.Length;
            foreach (var block in item)
            {
                AddBlock(block);
            }

            if (list.IsOrdered)
            {
                _text.Insert(start, $"{item.Order}. ");
            }
        }
    }

    private void AddTable(Table table)
    {
        foreach (var row in table.OfType<TableRow>())
        {
            var cells = row.OfType<TableCell>().Select(cell => string.Join(' ', cell.OfType<LeafBlock>().Select(leaf => MarkdownInlineText.Of(leaf.Inline))));
            _text.Append(string.Join(" | ", cells)).Append('\n');
        }
    }

    private void AppendLines(string text)
    {
        if (text.Length > 0)
        {
            _text.Append(text).Append('\n');
        }
    }

    private void EndBlock()
    {
        if (_text.Length > 0 && !(_text.Length >= 2 && _text[^1] == '\n' && _text[^2] == '\n'))
        {
            _text.Append('\n');
        }
    }
}
