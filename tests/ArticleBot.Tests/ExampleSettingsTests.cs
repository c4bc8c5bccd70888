using System.Globalization;
using System.Reflection;
using System.Text.Json;
using ArticleQa.Answering;
using ArticleQa.Articles;
using ArticleBot.Channels;
using ArticleQa.Retrieval;
using ArticleBot.Hosting;
using ArticleBot.Storage;

namespace ArticleBot.Tests;

/// <summary>appsettings.example.json must show every key of every options class with its real default.</summary>
public sealed class ExampleSettingsTests
{
    private static readonly Dictionary<string, object> Defaults = new()
    {
        [ArticlesOptions.SectionName] = new ArticlesOptions(),
        [IndexOptions.SectionName] = new IndexOptions(),
        [EmbeddingOptions.SectionName] = new EmbeddingOptions(),
        [RetrievalOptions.SectionName] = new RetrievalOptions(),
        [AnsweringOptions.SectionName] = new AnsweringOptions(),
        [LlmOptions.SectionName] = new LlmOptions(),
        [ChannelsOptions.SectionName] = new ChannelsOptions(),
        [HostingOptions.SectionName] = new HostingOptions(),
        [StorageOptions.SectionName] = new StorageOptions(),
    };

    public static TheoryData<string> Sections() => [.. Defaults.Keys];

    [Theory]
    [MemberData(nameof(Sections))]
    public void Example_Section_ListsEveryKeyWithItsDefault(string section)
    {
        using var example = JsonDocument.Parse(
            File.ReadAllText(Path.Combine(RepositoryPaths.Root, "appsettings.example.json")),
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        AssertShowsDefaults(section, Defaults[section], example.RootElement.GetProperty(section));
    }

    private static void AssertShowsDefaults(string section, object options, JsonElement shown)
    {
        foreach (var property in options.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            Assert.True(shown.TryGetProperty(property.Name, out var value), $"{section}:{property.Name} is missing from appsettings.example.json");
            if (property.PropertyType.IsClass && property.PropertyType != typeof(string))
            {
                AssertShowsDefaults($"{section}:{property.Name}", property.GetValue(options)!, value);
                continue;
            }

            var expected = Convert.ToString(property.GetValue(options), CultureInfo.InvariantCulture);
            var actual = value.ValueKind == JsonValueKind.Null ? null : value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
            Assert.True(string.Equals(expected ?? "", actual ?? "", StringComparison.OrdinalIgnoreCase), $"{section}:{property.Name} shows '{actual}', default is '{expected}'");
        }
    }
}
