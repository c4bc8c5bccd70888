using ArticleQa.Tests.Articles;
using ArticleQa.Training;

namespace ArticleQa.Tests.Training;

public sealed class WordNetSynonymsTests
{
    [Theory]
    [InlineData("cities", new[] { "metropolis", "urban center" })] // plural by the suffix rules; the first sense only
    [InlineData("short", new[] { "brief" })]                        // an adjective more than an adverb
    [InlineData("talks", new[] { "lecture" })]                      // "talking" has the word's own stem
    [InlineData("hosted", new[] { "entertain" })]                   // the five-word lemma is left out
    [InlineData("withdrawing", new[] { "retreat", "pull back" })]
    [InlineData("began", new[] { "start" })]                        // from the exception list
    [InlineData("Envoy", new[] { "emissary" })]                     // lemmas with capitals are names
    [InlineData("reporters", new string[0])]
    [InlineData("were", new string[0])]                             // "be" asks rather than says
    public void Of_Word_GivesTheOtherLemmasOfItsMostFrequentSense(string word, string[] expected)
    {
        using var folder = new TempFolder();
        using var synonyms = WordNetSynonyms.Load(WordNetFixture.WriteEveryday(folder));

        Assert.Equal(expected, synonyms.Of(word));
    }

    [Fact]
    public void Load_MissingDataFile_NamesIt()
    {
        using var folder = new TempFolder();
        WordNetFixture.WriteEveryday(folder);
        File.Delete(Path.Combine(folder.Path, "data.verb"));

        var error = Assert.Throws<InvalidDataException>(() => WordNetSynonyms.Load(folder.Path));

        Assert.Contains(Path.Combine(folder.Path, "data.verb"), error.Message, StringComparison.Ordinal);
        Assert.Contains("wordnet-base", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MalformedIndexLine_NamesTheFileAndLine()
    {
        using var folder = new TempFolder();
        WordNetFixture.WriteEveryday(folder);
        File.AppendAllText(Path.Combine(folder.Path, "index.noun"), "zebra n x\n");

        var error = Assert.Throws<InvalidDataException>(() => WordNetSynonyms.Load(folder.Path));

        Assert.Contains("index.noun", error.Message, StringComparison.Ordinal);
        Assert.Contains("zebra n x", error.Message, StringComparison.Ordinal);
    }
}
