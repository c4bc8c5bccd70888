using ArticleQa.Answering;
using ArticleQa.Articles;
using ArticleQa.Retrieval;

namespace ArticleQa.Tests.Answering;

public sealed class SourcesBlockTests
{
    [Fact]
    public void Format_ThenParse_RoundTrips()
    {
        var article = new Article("a", "Title One", "Head\n\nBody  text.", "a.txt", Published: new DateTimeOffset(2025, 11, 27, 0, 0, 0, TimeSpan.Zero));
        var other = new Article("b", "Title Two", "Other.", "b.txt");
        RetrievedPassage[] sources =
        [
            new(new Passage("a", 0, 0, article.Text.Length, article.Text), ArticleInfo.From(article, "h1"), 0.9),
            new(new Passage("b", 0, 0, 6, "Other."), ArticleInfo.From(other, "h2"), 0.5),
        ];

        var block = SourcesBlock.Format(sources);
        var parsed = SourcesBlock.Parse($"Sources:\n\n{block}\n\nQuestion: q");

        Assert.Equal("[1] Title One (2025-11-27)\nHead\nBody text.\n\n[2] Title Two\nOther.", block);
        Assert.Equal([1, 2], parsed.Select(s => s.Number));
        Assert.Equal("Head\nBody text.", parsed[0].Text);
        Assert.Equal("Title Two", parsed[1].Title);
    }

    [Fact]
    public void Format_TitleEndingInADate_NoDateReadIntoIt()
    {
        var article = new Article("n", "Notes (2024-05-01)", "Body.", "n.txt");

        var parsed = SourcesBlock.Parse(SourcesBlock.Format([new(new Passage("n", 0, 0, 5, "Body."), ArticleInfo.From(article, "h"), 0.9)]));

        Assert.Equal("Notes [2024-05-01]", Assert.Single(parsed).Title);
        Assert.Null(parsed[0].Published);
    }

    [Fact]
    public void Format_ArticleWithAuthor_AuthorInTheHeaderAndParsedBack()
    {
        var article = new Article("a", "Talks (Again) Stall", "Body.", "a.md", Author: "Jane (J.) Roe", Published: new DateTimeOffset(2025, 11, 27, 0, 0, 0, TimeSpan.Zero));
        var plain = new Article("b", "Killed (by Accident)", "Other.", "b.txt");
        RetrievedPassage[] sources =
        [
            new(new Passage("a", 0, 0, 5, "Body."), ArticleInfo.From(article, "h1"), 0.9),
            new(new Passage("b", 0, 0, 6, "Other."), ArticleInfo.From(plain, "h2"), 0.5),
        ];

        var block = SourcesBlock.Format(sources);
        var parsed = SourcesBlock.Parse(block);

        Assert.StartsWith("[1] Talks (Again) Stall (2025-11-27) (by Jane [J.] Roe)\nBody.", block, StringComparison.Ordinal);
        Assert.Equal("Talks (Again) Stall", parsed[0].Title);
        Assert.Equal("Jane [J.] Roe", parsed[0].Author);
        Assert.Equal(new DateOnly(2025, 11, 27), parsed[0].Published);
        Assert.Null(parsed[1].Published);
        Assert.Equal("Body.", parsed[0].Text);
        // A title that ends as an author would is written with square brackets, so no author is read into it.
        Assert.StartsWith("[2] Killed [by Accident]\n", block.Split("\n\n")[1], StringComparison.Ordinal);
        Assert.Equal("Killed [by Accident]", parsed[1].Title);
        Assert.Null(parsed[1].Author);
    }
}
