using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ArticleQa.Articles;

/// <summary>
/// The YAML block between a first line <c>---</c> and the next <c>---</c> (or <c>...</c>) line of a Markdown file, as
/// key → text (a list of scalars becomes "a, b"). A file that opens a front matter must close it with valid YAML
/// mapping keys to values; otherwise <see cref="Split"/> throws <see cref="InvalidDataException"/> ("malformed front
/// matter: ..."), because metadata silently read as article text would end up in passages and answers.
/// </summary>
internal sealed record MarkdownFrontMatter(IReadOnlyDictionary<string, string> Fields, string Body)
{
    private static readonly string[] Closers = ["---", "..."];

    public string? this[string key] => Fields.TryGetValue(key, out var value) ? value : null;

    /// <summary>Splits <paramref name="markdown"/> ("\n" line endings) into its front matter (possibly empty) and body.</summary>
    public static MarkdownFrontMatter Split(string markdown)
    {
        var empty = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var lines = markdown.Split('\n');
        if (lines.Length == 0 || lines[0].TrimEnd() != "---")
        {
            return new MarkdownFrontMatter(empty, markdown);
        }

        var close = Array.FindIndex(lines, 1, line => Closers.Contains(line.TrimEnd()));
        if (close < 0)
        {
            throw new InvalidDataException("malformed front matter: the '---' on the first line is never closed by another '---' line");
        }

        var yaml = string.Join('\n', lines[1..close]);
        var body = string.Join('\n', lines[(close + 1)..]);
        return new MarkdownFrontMatter(Parse(yaml), body);
    }

    private static Dictionary<string, string> Parse(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            // YamlDotNet counts lines from 1 within the YAML; the file has the opening '---' above it.
            throw new InvalidDataException($"malformed front matter: invalid YAML at line {e.Start.Line + 1}: {e.Message}", e);
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidDataException("malformed front matter: invalid YAML", e);
        }

        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (stream.Documents.Count == 0)
        {
            return fields;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode mapping)
        {
            throw new InvalidDataException("malformed front matter: it is not a YAML mapping of keys to values");
        }

        foreach (var (key, value) in mapping.Children)
        {
            if (key is YamlScalarNode { Value: { } name } && ToText(value) is { } text)
            {
                fields[name] = text;
            }
        }

        return fields;
    }

    private static string? ToText(YamlNode node) => node switch
    {
        YamlScalarNode scalar => scalar.Value,
        YamlSequenceNode sequence when sequence.Children.All(child => child is YamlScalarNode) =>
            string.Join(", ", sequence.Children.Cast<YamlScalarNode>().Select(child => child.Value)),
        _ => null,
    };
}
