using System.Text;
using System.Text.RegularExpressions;
using ArticleQa.Text;

namespace ArticleQa.Articles;

/// <summary>
/// Converts a Markdown body to readable plain text, line by line: headings, list items, table rows and code lines each
/// get a line of their own; the soft-wrapped lines of a paragraph are joined into one line (a line break ends a sentence
/// for <see cref="SentenceSplitter"/>); blank lines, headings, fences and breaks separate paragraphs. Fence markers,
/// heading marks, quote marks, bullets, link targets and reference definitions are dropped.
/// </summary>
internal sealed partial class MarkdownPlainText
{
    private readonly StringBuilder _text = new();
    private readonly List<string> _paragraph = [];
    private string? _fence;

    /// <summary>The first level-1 heading (<c># Title</c> or a line underlined with <c>===</c>), as plain text.</summary>
    public string? FirstHeading { get; private set; }

    public static MarkdownPlainText Convert(string markdown)
    {
        var converter = new MarkdownPlainText();
        foreach (var line in markdown.ReplaceLineEndings("\n").Split('\n'))
        {
            converter.Add(line);
        }

        converter.EndBlock();
        return converter;
    }

    public string Text => _text.ToString();

    private void Add(string line)
    {
        if (_fence is not null)
        {
            AddCodeLine(line);
            return;
        }

        var content = Quote().Replace(line, string.Empty);
        if (Fence().Match(content) is { Success: true } fence)
        {
            EndBlock();
            _fence = fence.Groups["marker"].Value;
        }
        else if (string.IsNullOrWhiteSpace(content))
        {
            EndBlock();
        }
        else if (_paragraph.Count > 0 && SetextUnderline().Match(content) is { Success: true } underline)
        {
            var heading = string.Join(' ', _paragraph);
            _paragraph.Clear();
            AddHeading(heading, underline.Value.Trim()[0] == '=');
        }
        else if (ThematicBreak().IsMatch(content))
        {
            EndBlock();
        }
        else
        {
            AddContentLine(content);
        }
    }

    private void AddContentLine(string line)
    {
        if (AtxHeading().Match(line) is { Success: true } heading)
        {
            AddHeading(heading.Groups["text"].Value, heading.Groups["level"].Value.Length == 1);
        }
        else if (ReferenceDefinition().IsMatch(line) || TableSeparator().IsMatch(line))
        {
            return;
        }
        else if (ListItem().Match(line) is { Success: true } item)
        {
            FlushParagraph();
            var number = item.Groups["number"].Success ? item.Groups["number"].Value + ". " : string.Empty;
            _paragraph.Add(number + item.Groups["text"].Value);
        }
        else if (line.TrimStart().StartsWith('|'))
        {
            FlushParagraph();
            var cells = line.Trim().Trim('|').Split('|').Select(cell => MarkdownInline.ToPlainText(cell));
            AppendLine(string.Join(" | ", cells));
        }
        else
        {
            _paragraph.Add(FootnoteDefinition().Replace(line, string.Empty).Trim());
            if (line.EndsWith("  ", StringComparison.Ordinal) || line.EndsWith('\\'))
            {
                FlushParagraph(); // a hard line break
            }
        }
    }

    private void AddCodeLine(string line)
    {
        if (line.Trim().StartsWith(_fence!, StringComparison.Ordinal) && line.Trim().Trim(_fence![0]).Length == 0)
        {
            _fence = null;
            EndBlock();
            return;
        }

        AppendLine(line.TrimEnd());
    }

    private void AddHeading(string markdown, bool isLevelOne)
    {
        EndBlock();
        var heading = MarkdownInline.ToPlainText(markdown);
        if (isLevelOne && heading.Length > 0)
        {
            FirstHeading ??= heading;
        }

        AppendLine(heading);
        EndBlock();
    }

    private void FlushParagraph()
    {
        if (_paragraph.Count > 0)
        {
            AppendLine(MarkdownInline.ToPlainText(string.Join(' ', _paragraph).TrimEnd('\\')));
            _paragraph.Clear();
        }
    }

    private void EndBlock()
    {
        FlushParagraph();
        if (_text.Length > 0 && !_text.ToString().EndsWith("\n\n", StringComparison.Ordinal))
        {
            _text.Append('\n');
        }
    }

    private void AppendLine(string line) => _text.Append(line).Append('\n');

    [GeneratedRegex(@"^\s{0,3}(?:>\s?)+")]
    private static partial Regex Quote();

    [GeneratedRegex(@"^\s{0,3}(?<marker>`{3,}|~{3,})")]
    private static partial Regex Fence();

    [GeneratedRegex(@"^\s{0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$")]
    private static partial Regex ThematicBreak();

    [GeneratedRegex(@"^\s{0,3}(?:=+|-+)\s*$")]
    private static partial Regex SetextUnderline();

    [GeneratedRegex(@"^\s{0,3}(?<level>#{1,6})(?:\s+(?<text>.*?))?(?:\s+#+)?\s*$")]
    private static partial Regex AtxHeading();

    [GeneratedRegex(@"^\s{0,3}\[(?!\^)[^\]]+\]:\s*\S+(?:\s+(?:""[^""]*""|'[^']*'|\([^)]*\)))?\s*$")]
    private static partial Regex ReferenceDefinition();

    [GeneratedRegex(@"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")]
    private static partial Regex TableSeparator();

    [GeneratedRegex(@"^\s*(?:[-*+]|(?<number>[0-9]{1,9})[.)])\s+(?:\[[ xX]\]\s+)?(?<text>.*)$")]
    private static partial Regex ListItem();

    [GeneratedRegex(@"^\s{0,3}\[\^[^\]]+\]:\s*")]
    private static partial Regex FootnoteDefinition();
}
