using YamlDotNet.RepresentationModel;

namespace ArticleQa.Tests.Evaluation;

/// <summary>An article file of tests/eval: its YAML front matter and the text after it.</summary>
public sealed record EvalArticleFile(string Path, IReadOnlyDictionary<string, string> FrontMatter, string Body)
{
    public static EvalArticleFile Load(string path)
    {
        var text = File.ReadAllText(path);
        if (!text.StartsWith("---\n", StringComparison.Ordinal))
        {
            return new EvalArticleFile(path, new Dictionary<string, string>(), text);
        }

        var close = text.IndexOf("\n---\n", 3, StringComparison.Ordinal);
        if (close < 0)
        {
            throw new InvalidDataException($"{path}: front matter is not closed by a '---' line");
        }

        var yaml = new YamlStream();
        yaml.Load(new StringReader(text[4..close]));
        var mapping = (YamlMappingNode)yaml.Documents[0].RootNode;
        var fields = mapping.Children.ToDictionary(
            entry => ((YamlScalarNode)entry.Key).Value!, entry => ((YamlScalarNode)entry.Value).Value ?? "");
        return new EvalArticleFile(path, fields, text[(close + 5)..]);
    }
}
