using ArticleQa.Articles;
using ArticleQa.Text;
using Microsoft.Extensions.Options;

namespace ArticleQa.Tests.Articles;

public sealed class PassageSplitterTests
{
    private static string Sentence(int words, char letter) => string.Join(' ', Enumerable.Repeat(letter + "w", words - 1)) + " end.";

    [Theory]
    // sentences (words each), target, max, overlap -> passages as sentence indexes
    [InlineData("10,10,10", 100, 200, 0, "0-2")]
    [InlineData("50,50,50,50", 100, 200, 0, "0-1|2-3")]
    [InlineData("50,50,50,50", 100, 200, 1, "0-1|1-2|2-3")]
    [InlineData("80,80,80", 100, 150, 0, "0|1|2")]
    [InlineData("300,10", 100, 150, 0, "0|1")]
    [InlineData("10", 100, 150, 1, "0")]
    public void Split_Sentences_PacksWholeSentences(string sentenceWords, int target, int max, int overlap, string expected)
    {
        var sentences = sentenceWords.Split(',').Select((w, i) => Sentence(int.Parse(w, System.Globalization.CultureInfo.InvariantCulture), (char)('A' + i))).ToList();
        var text = string.Join(' ', sentences);
        var splitter = new PassageSplitter(Options.Create(new ArticlesOptions { TargetWords = target, MaxWords = max, OverlapSentences = overlap }));

        var passages = splitter.Split(new Article("a", "t", text, "a.txt"));

        var ranges = passages.Select(p =>
        {
            var first = sentences.FindIndex(s => p.Text.StartsWith(s, StringComparison.Ordinal));
            var last = sentences.FindLastIndex(s => p.Text.EndsWith(s, StringComparison.Ordinal));
            return first == last ? $"{first}" : $"{first}-{last}";
        });
        Assert.Equal(expected, string.Join("|", ranges));
    }

    [Theory]
    // paragraphs of sentences (words each), min words -> passages as paragraph:sentence ranges
    [InlineData("35,35|35,35|35,35", 60, "0|1|2")]
    [InlineData("20|20|20,20|35,35", 60, "0-2|3")]
    [InlineData("35,35|35,35", 200, "0-1")]
    public void Split_Paragraphs_ClosesAtParagraphEndOnceLongEnough(string layout, int minWords, string expected)
    {
        var paragraphs = layout.Split('|')
            .Select((p, pi) => p.Split(',').Select((w, si) => Sentence(int.Parse(w, System.Globalization.CultureInfo.InvariantCulture), (char)('A' + (pi * 4) + si))).ToList())
            .ToList();
        var text = string.Join("\n\n", paragraphs.Select(p => string.Join(' ', p)));
        var splitter = new PassageSplitter(Options.Create(new ArticlesOptions { MinWords = minWords, TargetWords = 120, MaxWords = 180, OverlapSentences = 1 }));

        var passages = splitter.Split(new Article("a", "t", text, "a.txt"));

        var ranges = passages.Select(p =>
        {
            var inside = paragraphs.Select((sentences, i) => (i, Hit: sentences.Any(s => p.Text.Contains(s, StringComparison.Ordinal)))).Where(x => x.Hit).Select(x => x.i).ToList();
            return inside.Count == 1 ? $"{inside[0]}" : $"{inside[0]}-{inside[^1]}";
        });
        Assert.Equal(expected, string.Join("|", ranges));
    }

    [Fact]
    public void Split_SeedArticle_OffsetsPointIntoArticleText()
    {
        var file = Directory.GetFiles(RepositoryPaths.Seeds, "*.txt").First();
        var article = ArticleLoader.Load(file, RepositoryPaths.Seeds);
        var splitter = new PassageSplitter(Options.Create(new ArticlesOptions()));

        var passages = splitter.Split(article);

        Assert.True(passages.Count >= 3);
        Assert.All(passages, p => Assert.Equal(article.Text[p.Start..p.End], p.Text));
        Assert.Equal(Enumerable.Range(0, passages.Count), passages.Select(p => p.Ordinal));
        Assert.All(passages, p => Assert.InRange(PassageSplitter.WordCount(article.Text, new TextSpan(p.Start, p.End)), 1, 180));
    }
}
