using System.Diagnostics;
using System.Text;
using ArticleQa.Articles;
using ArticleQa.Tests.Fakes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ArticleQa.Tests.Articles;

public sealed class ArticleLoaderTests : IDisposable
{
    private const string GoodArticle = "Harbour works to begin in May\n\nDredging of the inner basin starts in May.\n";

    private readonly TempFolder _folder = new();
    private readonly CapturingLogger<ArticleLoader> _logger = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void LoadFolder_EveryFormat_LoadsEachWithItsReader()
    {
        _folder.Write("plain.txt", GoodArticle);
        _folder.Write("notes.md", "---\ntitle: From Markdown\n---\nThe **body** text.\n");
        System.IO.File.Copy(FixtureFiles.PathOf("news-page.html"), _folder.File("page.html"));
        _folder.Write("report.pdf", PdfArticleReaderTests.BuildPdf("PDF title", ["A paragraph in a PDF file."]));
        _folder.Write("memo.docx", DocxArticleReaderTests.BuildDocx(title: "DOCX title", author: null, ("A paragraph in a Word file.", null)));

        var result = Loader().LoadFolder(_folder.Path);

        Assert.Empty(result.Skipped);
        Assert.Equal(["memo", "notes", "page", "plain", "report"], result.Articles.Select(a => a.Id));
        Assert.Equal(
            ["DOCX title", "From Markdown", "Council approves Riverside flood barrier after decade of delays", "Harbour works to begin in May", "PDF title"],
            result.Articles.Select(a => a.Title));
    }

    [Fact]
    public void LoadFolder_NestedFolders_IdIsRelativePathWithForwardSlashes()
    {
        var file = _folder.Write(Path.Combine("world", "europe", "harbour.txt"), GoodArticle);

        var article = Assert.Single(Loader().LoadFolder(_folder.Path).Articles);

        Assert.Equal("world/europe/harbour", article.Id);
        Assert.Equal(file, article.FilePath);
    }

    [Fact]
    public void LoadFolder_UnsupportedAndHiddenFiles_IgnoredWithoutWarning()
    {
        _folder.Write("good.txt", GoodArticle);
        _folder.Write("image.png", [0x89, 0x50, 0x4E, 0x47, 0x00]);
        _folder.Write("._good.txt", [0x00, 0x05, 0x16, 0x07, 0x00]);
        _folder.Write(Path.Combine(".git", "notes.txt"), GoodArticle);

        var result = Loader().LoadFolder(_folder.Path);

        Assert.Equal("good", Assert.Single(result.Articles).Id);
        Assert.Empty(result.Skipped);
        Assert.Empty(_logger.AtLevel(LogLevel.Warning));
    }

    [Fact]
    public void LoadFolder_BadFilesOfEveryKind_SkipsEachWithOneWarningAndLoadsTheGoodOne()
    {
        _folder.Write("good.txt", GoodArticle);
        var bad = new Dictionary<string, string>
        {
            [_folder.Write("empty.txt", string.Empty)] = "the file is empty (0 bytes)",
            [_folder.Write("blank.md", "  \n\t\n   \n")] = "the file contains no text",
            [_folder.Write("random.txt", [.. "Title\n"u8, .. RandomBytes(512)])] = "not valid UTF-8 text",
            [_folder.Write("nul.txt", Encoding.UTF8.GetBytes("Title\n\0\0\0\0binary\0"))] = "binary data, not text (contains NUL bytes)",
            [_folder.Write("latin1.html", Encoding.Latin1.GetBytes("<p>Café crème</p>"))] = "not valid UTF-8 text (invalid 0xE9 at byte 6)",
            [_folder.Write("corrupt.pdf", Encoding.ASCII.GetBytes("%PDF-1.7\nthis is not a PDF body"))] = "not a readable PDF: ",
            [_folder.Write("corrupt.docx", RandomBytes(512))] = "not a readable DOCX document: ",
            [_folder.Write("huge.txt", new string('a', 2000))] = "the file is too large (2000 bytes; Articles:MaxFileBytes is 1024)",
            [Dangling("dangling.txt")] = "could not read the file: the link target",
            [_folder.Write("broken-front-matter.md", "---\ntitle: [unclosed\n---\nBody.\n")] = "malformed front matter: invalid YAML",
        };

        var result = Loader(maxFileBytes: 1024).LoadFolder(_folder.Path);

        Assert.Equal("good", Assert.Single(result.Articles).Id);
        Assert.Equal(bad.Keys.Order(StringComparer.Ordinal), result.Skipped.Select(s => s.FilePath));
        foreach (var skipped in result.Skipped)
        {
            Assert.StartsWith(bad[skipped.FilePath], skipped.Reason, StringComparison.Ordinal);
        }

        var warnings = _logger.AtLevel(LogLevel.Warning);
        Assert.Equal(bad.Count, warnings.Count);
        Assert.All(result.Skipped, s => Assert.Single(warnings, w => w.Message.Contains(s.FilePath, StringComparison.Ordinal) && w.Message.Contains(s.Reason, StringComparison.Ordinal)));
    }

    [Fact]
    public void LoadFolder_FileLockedByAnotherHandle_SkippedAsUnreadable()
    {
        _folder.Write("good.txt", GoodArticle);
        var locked = _folder.Write("locked.txt", GoodArticle);
        using var lockHandle = new FileStream(locked, FileMode.Open, FileAccess.ReadWrite, FileShare.None);

        var result = Loader().LoadFolder(_folder.Path);

        Assert.Equal("good", Assert.Single(result.Articles).Id);
        var skipped = Assert.Single(result.Skipped);
        Assert.Equal(locked, skipped.FilePath);
        Assert.StartsWith("could not read the file: ", skipped.Reason, StringComparison.Ordinal);
        Assert.Single(_logger.AtLevel(LogLevel.Warning));
    }

    [Fact]
    public void LoadFolder_FifoNamedLikeAnArticle_SkippedWithoutBlocking()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "FIFOs are a Unix feature");
        _folder.Write("good.txt", GoodArticle);
        var fifo = _folder.File("pipe.txt");
        using (var mkfifo = Process.Start("mkfifo", [fifo]))
        {
            mkfifo.WaitForExit();
        }

        var result = Loader().LoadFolder(_folder.Path);

        Assert.Equal("good", Assert.Single(result.Articles).Id);
        Assert.Equal(fifo, Assert.Single(result.Skipped).FilePath);
    }

    [Fact]
    public void LoadFolder_SameIdFromTwoFormats_SkipsTheSecondNamingTheFirst()
    {
        var markdown = _folder.Write("harbour.md", "# Harbour works\n\nFrom Markdown.\n");
        var text = _folder.Write("harbour.txt", GoodArticle);

        var result = Loader().LoadFolder(_folder.Path);

        Assert.Equal(markdown, Assert.Single(result.Articles).FilePath);
        var skipped = Assert.Single(result.Skipped);
        Assert.Equal(text, skipped.FilePath);
        Assert.Equal($"the article id 'harbour' is already used by {markdown}", skipped.Reason);
    }

    [Fact]
    public void LoadFolder_MixedFolder_LogsOneSummaryLineWithCounts()
    {
        _folder.Write("a.txt", GoodArticle);
        _folder.Write("b.txt", GoodArticle);
        _folder.Write("c.txt", string.Empty);

        Loader().LoadFolder(_folder.Path);

        var summary = Assert.Single(_logger.AtLevel(LogLevel.Information));
        Assert.Equal($"Loaded 2 articles from {_folder.Path}, skipped 1", summary.Message);
    }

    [Fact]
    public void LoadFolder_MissingFolder_Throws()
    {
        Assert.Throws<DirectoryNotFoundException>(() => Loader().LoadFolder(Path.Combine(_folder.Path, "missing")));
    }

    [Fact]
    public void Load_WindowsLineEndingsAndBom_TextIsCanonical()
    {
        var file = _folder.Write("crlf.txt", [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes("Title line  \r\n\r\n\r\nFirst paragraph.\r\nSecond line.\r\n")]);

        var article = ArticleLoader.Load(file, _folder.Path);

        Assert.Equal("Title line\n\nFirst paragraph.\nSecond line.", article.Text);
        Assert.Equal("Title line", article.Title);
    }

    [Fact]
    public void Load_OptionsWithSmallLimit_ThrowsBeforeReading()
    {
        var file = _folder.Write("big.txt", GoodArticle);

        var error = Assert.Throws<InvalidDataException>(() => ArticleLoader.Load(file, _folder.Path, new ArticlesOptions { MaxFileBytes = 10 }));

        Assert.StartsWith("the file is too large", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_PassagesOfAnHtmlArticle_PointIntoItsText()
    {
        var file = _folder.File("page.html");
        System.IO.File.Copy(FixtureFiles.PathOf("news-page.html"), file);
        var article = ArticleLoader.Load(file, _folder.Path);

        var passages = new PassageSplitter(Options.Create(new ArticlesOptions { TargetWords = 40, MaxWords = 80 })).Split(article);

        Assert.True(passages.Count > 2);
        Assert.All(passages, p => Assert.Equal(article.Text[p.Start..p.End], p.Text));
        Assert.DoesNotContain('\r', article.Text);
    }

    [Theory]
    [InlineData("/articles/a.txt", "/articles", "a")]
    [InlineData("/articles/world/b.md", "/articles", "world/b")]
    [InlineData("/articles/world/c.d.html", "/articles", "world/c.d")]
    public void ArticleId_FileUnderRoot_IsRelativePathWithoutExtension(string file, string root, string expected)
    {
        Assert.Equal(expected, ArticleLoader.ArticleId(file, root));
    }

    private ArticleLoader Loader(int maxFileBytes = ArticlesOptions.DefaultMaxFileBytes) =>
        new(_logger, Options.Create(new ArticlesOptions { MaxFileBytes = maxFileBytes }));

    private string Dangling(string name)
    {
        var link = _folder.File(name);
        System.IO.File.CreateSymbolicLink(link, Path.Combine(_folder.Path, "does-not-exist.txt"));
        return link;
    }

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        new Random(42).NextBytes(bytes);
        return bytes;
    }
}
