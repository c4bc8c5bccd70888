using ArticleQa.Tests.Articles;
using ArticleQa.Text;
using ArticleQa.Training;

namespace ArticleQa.Tests.Text;

public sealed class ProperAdjectivesTests
{
    private const string WordNet = "/usr/share/wordnet";

    [Theory]
    [InlineData("American", "Putin said that the US was taking some Russian positions into account.", true)]
    [InlineData("American", "officials of the United States met in Geneva", true)]
    [InlineData("American", "let us meet in Geneva", false)]            // "us" is not "US"
    [InlineData("American", "the USAF flew", false)]                    // whole words only
    [InlineData("Swiss", "talks in Geneva", true)]                      // a part of Switzerland, in WordNet
    [InlineData("Swiss", "talks in Vienna", false)]
    [InlineData("Swiss", "talks in Switzerland", true)]
    [InlineData("Parisian", "a cafe in Paris.", true)]
    [InlineData("Geneva", "talks in Geneva", false)]                    // a name, not an adjective
    public void Mentioned_NamesTheAdjectiveStandsFor(string adjective, string text, bool expected) =>
        Assert.Equal(expected, ProperAdjectives.Mentioned(adjective, text));

    [Fact]
    public void NamesOf_American_TheCountrysNames()
    {
        var names = ProperAdjectives.NamesOf("American");

        Assert.Contains("United States", names);
        Assert.Contains("US", names);
        Assert.DoesNotContain("American", names);
        Assert.Empty(ProperAdjectives.NamesOf("american")); // the capital is part of it
    }

    [Fact]
    public void Lines_Pertainyms_CapitalisedAdjectivesWithTheirNounsLemmas()
    {
        using var folder = new TempFolder();
        // data.noun: 'America' (a synset with US, and with a part 'Texas, TX'); 'swiftness'. data.adj: 'American'
        // pertains to America's first lemma, 'swift' to 'swiftness' (lower case: left out), 'Yankee' to America with
        // no lemma named (target 00: all).
        var noun0 = "00000000 15 n 03 America 0 United_States 0 US 0 001 %p 00000200 n 0000 | a country";
        var nouns = $"{noun0}\n{(noun0.Length + 1):D8} 07 n 01 swiftness 0 000 | speed\n";
        nouns = nouns.PadRight(200, ' ')[..199] + "\n00000200 15 n 02 Texas 0 TX 0 000 | a state\n";
        var adjectives = string.Join('\n',
            "  1 This software and database is being provided to you, the LICENSEE, by Princeton University",
            "00000100 01 a 01 American(a) 0 001 \\ 00000000 n 0101 | of America",
            $"00000200 01 a 01 swift 0 001 \\ {(noun0.Length + 1):D8} n 0101 | fast",
            "00000300 01 a 02 Yankee 0 Yank 0 001 \\ 00000000 n 0100 | of America") + "\n";
        folder.Write("data.noun", nouns);
        folder.Write("data.adj", adjectives);

        var lines = WordNetProperAdjectives.Lines(folder.Path);

        Assert.Equal(["American\tAmerica|Texas|US|United States", "Yankee\tAmerica|Texas|US|United States"], lines);
    }

    [Fact]
    public void Lines_MissingDataFile_NamesIt()
    {
        using var folder = new TempFolder();

        var error = Assert.Throws<InvalidDataException>(() => WordNetProperAdjectives.Lines(folder.Path));

        Assert.Contains(Path.Combine(folder.Path, "data.adj"), error.Message, StringComparison.Ordinal);
    }

    /// <summary>The shipped table is what WordNet 3.0 gives (Debian's wordnet-base; .ci/run installs it).</summary>
    [Fact]
    public void EmbeddedTable_IsWhatWordNetGives()
    {
        var ci = Environment.GetEnvironmentVariable("CI") == "true";
        Assert.SkipUnless(ci || File.Exists(Path.Combine(WordNet, "data.adj")), $"{WordNet} is missing: apt-get install wordnet-base to compare the table with WordNet.");
        var made = WordNetProperAdjectives.Lines(WordNet);
        var shipped = File.ReadLines(Path.Combine(RepositoryPaths.Root, "src", "ArticleQa", "Text", "proper-adjectives.txt"))
            .Where(l => l.Length > 0 && l[0] != '#')
            .ToList();

        if (!made.SequenceEqual(shipped))
        {
            var path = Path.Combine(Path.GetTempPath(), "proper-adjectives.made.txt");
            File.WriteAllLines(path, made);
            Assert.Fail($"src/ArticleQa/Text/proper-adjectives.txt differs from what {WordNet} gives ({made.Count} lines, written to {path}; keep the file's '#' notice).");
        }
    }
}
