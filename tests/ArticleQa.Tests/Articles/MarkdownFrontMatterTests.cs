using ArticleQa.Articles;

namespace ArticleQa.Tests.Articles;

public sealed class MarkdownFrontMatterTests
{
    [Theory]
    [InlineData("# Title\n\nBody.")]
    [InlineData("Text first\n---\nnot front matter")]
    [InlineData("")]
    public void Split_NoFrontMatter_WholeTextIsBody(string markdown)
    {
        var split = MarkdownFrontMatter.Split(markdown);

        Assert.Empty(split.Fields);
        Assert.Equal(markdown, split.Body);
    }

    [Theory]
    [InlineData("---\ntitle: Harbour\n---\nBody.")]
    [InlineData("---  \ntitle: Harbour\n...\nBody.")]
    public void Split_ClosedFrontMatter_FieldsAndBody(string markdown)
    {
        var split = MarkdownFrontMatter.Split(markdown);

        Assert.Equal("Harbour", split["TITLE"]);
        Assert.Null(split["author"]);
        Assert.Equal("Body.", split.Body);
    }

    [Fact]
    public void Split_NestedValues_IgnoredUnlessScalarLists()
    {
        var split = MarkdownFrontMatter.Split("---\nauthor: {name: Jo}\ntags: [a, b]\n---\n");

        Assert.Null(split["author"]);
        Assert.Equal("a, b", split["tags"]);
    }
}
