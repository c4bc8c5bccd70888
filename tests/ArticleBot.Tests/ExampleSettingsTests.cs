using System.Globalization;
using System.Reflection;
using System.Text.Json;
using ArticleQa.Answering;
using ArticleQa.Articles;
using ArticleQa.Retrieval;

namespace ArticleBot.Tests;

/// <summary>appsettings.example.json must show every key of every options class with its real default.</summary>
public sealed class ExampleSettingsTests
{
    public static TheoryData<string> Sections() => [ArticlesOptions.SectionName, RetrievalOptions.SectionName, AnsweringOptions.SectionName, LlmOptions.SectionName];

    private static readonly Dictionary<string, object> Defaults = new()
    {
        [ArticlesOptions.SectionName] = new ArticlesOptions(),
        [RetrievalOptions.SectionName] = new RetrievalOptions(),
        [AnsweringOptions.SectionName] = new AnsweringOptions(),
        [LlmOptions.SectionName] = new LlmOptions(),
    };

    [Theory]
    [MemberData(nameof(Sections))]
    public void Example_Section_ListsEveryKeyWithItsDefault(string section)
    {
        using var example = JsonDocument.Parse(
            File.ReadAllText(Path.Combine(RepositoryPaths.Root, "appsettings.example.json")),
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var options = Defaults[section];
        var shown = example.RootElement.GetProperty(section);

        foreach (var property in options.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            Assert.True(shown.TryGetProperty(property.Name, out var value), $"{section}:{property.Name} is missing from appsettings.example.json");
            var expected = Convert.ToString(property.GetValue(options), CultureInfo.InvariantCulture);
            var actual = value.ValueKind == JsonValueKind.Null ? null : value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
            Assert.True(string.Equals(expected ?? "", actual ?? "", StringComparison.OrdinalIgnoreCase), $"{section}:{property.Name} shows '{actual}', default is '{expected}'");
        }
    }
}
