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
