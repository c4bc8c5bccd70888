using System.Text.RegularExpressions;

namespace ArticleQa.Articles;

/// <summary>
/// Turns the inline Markdown of one line or paragraph into plain text: links keep their text, images, footnote marks
/// and HTML tags go, emphasis and code markers go, backslash escapes become the character they escape.
/// </summary>
internal static partial class MarkdownInline
{
    // Code spans and escaped characters are set aside first so that their '*', '_' or '[' are not read as syntax.
    private const char HoldStart = '\uE000';
    private const char HoldEnd = '\uE001';

    public static string ToPlainText(string markdown)
    {
        var held = new List<string>();
        var text = CodeSpan().Replace(markdown, m => Hold(held, m.Groups["code"].Value.Trim()));
        text = Escape().Replace(text, m => Hold(held, m.Groups["char"].Value));
        text = HtmlComment().Replace(text, string.Empty);
        text = Image().Replace(text, string.Empty);
        text = FootnoteMark().Replace(text, string.Empty);
        text = InlineLink().Replace(text, "${text}");
        text = ReferenceLink().Replace(text, "${text}");
        text = AutoLink().Replace(text, "${target}");
        text = LineBreakTag().Replace(text, " ");
        text = HtmlTag().Replace(text, string.Empty);
        text = Strong().Replace(text, "${text}");
        text = Emphasis().Replace(text, "${text}");
        text = Strikethrough().Replace(text, "${text}");
        text = HeldText().Replace(text, m => held[int.Parse(m.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture)]);
        return Spaces().Replace(text, " ").Trim();
    }

    private static string Hold(List<string> held, string value)
    {
        held.Add(value);
        return $"{HoldStart}{held.Count - 1}{HoldEnd}";
    }

    [GeneratedRegex(@"(?<ticks>`+)(?<code>.+?)\k<ticks>")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"\\(?<char>[!-/:-@\[-`{-~])")]
    private static partial Regex Escape();

    [GeneratedRegex(@"<!--.*?-->")]
    private static partial Regex HtmlComment();

    [GeneratedRegex(@"!\[[^\]]*\](?:\([^)]*\)|\[[^\]]*\])")]
    private static partial Regex Image();

    [GeneratedRegex(@"\[\^[^\]]+\]")]
    private static partial Regex FootnoteMark();

    [GeneratedRegex(@"\[(?<text>[^\]]*)\]\((?:<[^>]*>|[^)\s]*)(?:\s+(?:""[^""]*""|'[^']*'|\([^)]*\)))?\s*\)")]
    private static partial Regex InlineLink();

    [GeneratedRegex(@"\[(?<text>[^\]]+)\]\[[^\]]*\]")]
    private static partial Regex ReferenceLink();

    [GeneratedRegex(@"<(?<target>(?:https?|ftp|mailto):[^>\s]+|[^@>\s]+@[^>\s]+)>")]
    private static partial Regex AutoLink();

    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreakTag();

    [GeneratedRegex(@"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^>]*)?/?>")]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"(?<mark>\*\*|__)(?=\S)(?<text>.+?)(?<=\S)\k<mark>")]
    private static partial Regex Strong();

    // '*' may emphasise part of a word; '_' only a whole word, so snake_case and file_names_like_this survive.
    [GeneratedRegex(@"\*(?=\S)(?<text>[^*]+?)(?<=\S)\*|(?<![\p{L}\p{N}_])_(?=\S)(?<text>[^_]+?)(?<=\S)_(?![\p{L}\p{N}_])")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"~~(?=\S)(?<text>.+?)(?<=\S)~~")]
    private static partial Regex Strikethrough();

    [GeneratedRegex("\uE000(?<index>[0-9]+)\uE001")]
    private static partial Regex HeldText();

    [GeneratedRegex(@"[ \t]{2,}")]
    private static partial Regex Spaces();
}
