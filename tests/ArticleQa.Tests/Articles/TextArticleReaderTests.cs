using System.Text;
using ArticleQa.Articles;

namespace ArticleQa.Tests.Articles;

public sealed class TextArticleReaderTests
{
    [Fact]
    public void Read_PlainUtf8_WholeFileIsTextAndTitleLeftToTheFirstLine()
    {
        var content = TextArticleReader.Read(Encoding.UTF8.GetBytes("Harbour works\nDredging starts in May.\n"));

        Assert.Null(content.Title);
        Assert.Equal("Harbour works\nDredging starts in May.\n", content.Text);
    }

    [Fact]
    public void Load_TextFile_TitleIsFirstNonEmptyLine()
    {
        using var folder = new TempFolder();
        var file = folder.Write("harbour.txt", "\n\n  Harbour works  \nDredging starts in May.\n");

        var article = ArticleLoader.Load(file, folder.Path);

        Assert.Equal("Harbour works", article.Title);
        Assert.Equal("Harbour works\nDredging starts in May.", article.Text);
    }
}

public sealed class TextArticleReaderDateTests
{
    [Theory]
    [InlineData("Harbour works\nDate: 2025-11-27\n\nDredging starts in May.\n", "2025-11-27")]
    [InlineData("Harbour works\nPublished: November 27, 2025\n\nDredging starts in May.\n", "2025-11-27")]
    [InlineData("Published: 27 Nov 2025\nHarbour works\n\nDredging starts in May.\n", "2025-11-27")]
    [InlineData("Harbour works\ndate : 2025-11-27T09:30:00Z\n\nDredging starts in May.\n", "2025-11-27")]
    public void Load_DateOrPublishedLineNearTop_IsTheArticleDateAndLeavesTheText(string file, string expected)
    {
        using var folder = new TempFolder();
        var article = ArticleLoader.Load(folder.Write("harbour.txt", file), folder.Path);

        Assert.Equal(expected, article.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("Harbour works", article.Title);
        Assert.DoesNotContain("2025", article.Text, StringComparison.Ordinal);
        Assert.Contains("Dredging starts in May.", article.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Harbour works\n\nDredging starts in May 2025.\n")]
    [InlineData("Harbour works\nDate: soon\n\nDredging starts in May.\n")]
    [InlineData("Harbour works\n\nOne.\n\nTwo.\n\nThree.\n\nFour.\n\nDate: 2025-11-27\n")]
    public void Load_NoDateLineNearTop_HasNoDate(string file)
    {
        using var folder = new TempFolder();
        var article = ArticleLoader.Load(folder.Write("harbour.txt", file), folder.Path);

        Assert.Null(article.Published);
    }
}
