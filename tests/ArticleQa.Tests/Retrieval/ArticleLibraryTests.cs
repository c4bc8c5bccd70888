using ArticleQa.Articles;
using ArticleQa.Retrieval;
using ArticleQa.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ArticleQa.Tests.Retrieval;

public sealed class ArticleLibraryTests : IDisposable
{
    private readonly DirectoryInfo _articles = Directory.CreateTempSubdirectory("articles-");
    private readonly DirectoryInfo _index = Directory.CreateTempSubdirectory("index-");
    private readonly FakeEmbeddingGenerator _embeddings = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private ArticleLibrary Library(FakeEmbeddingGenerator? embeddings = null, int targetWords = 120, ArticleLoader? loader = null) => new(
        Options.Create(new ArticlesOptions { Path = _articles.FullName, TargetWords = targetWords }),
        Options.Create(new IndexOptions { Path = _index.FullName }),
        loader ?? new ArticleLoader(NullLogger<ArticleLoader>.Instance),
        new PassageSplitter(Options.Create(new ArticlesOptions { TargetWords = targetWords })),
        embeddings ?? _embeddings,
        NullLogger<ArticleLibrary>.Instance);

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(_articles.FullName, name), text);

    [Fact]
    public async Task SyncAsync_Unchanged_NothingEmbeddedTwiceEvenAfterRestart()
    {
        Write("a.txt", "Alpha title\n\nThe alpha article talks about apples.");
        Write("b.txt", "Beta title\n\nThe beta article talks about bananas.");
        using (var first = Library())
        {
            var built = await first.SyncAsync(null, Token);
            Assert.Equal((2, 2), (built.Added, built.PassagesEmbedded));
            var again = await first.SyncAsync(null, Token);
            Assert.Equal((0, 2, false), (again.PassagesEmbedded, again.Unchanged, again.Wrote));
        }

        var embeddedBefore = _embeddings.Embedded;
        using var restarted = Library();
        var afterRestart = await restarted.SyncAsync(null, Token);

        Assert.Equal(0, afterRestart.PassagesEmbedded);
        Assert.Equal(embeddedBefore, _embeddings.Embedded);
        Assert.Equal(2, (await restarted.GetIndexAsync(Token)).Articles.Count);
    }

    [Fact]
    public async Task SyncAsync_ChangedArticle_OnlyItIsReplaced()
    {
        Write("a.txt", "Alpha title\n\nThe alpha article talks about apples.");
        Write("b.txt", "Beta title\n\nThe beta article talks about bananas.");
        using var library = Library();
        await library.SyncAsync(null, Token);
        _embeddings.Texts.Clear();

        Write("b.txt", "Beta title\n\nThe beta article now talks about cherries.");
        var result = await library.SyncAsync(null, Token);

        Assert.Equal((1, 0, 1), (result.Changed, result.Added, result.Unchanged));
        Assert.All(_embeddings.Texts, t => Assert.Contains("cherries", t, StringComparison.Ordinal));
        var index = await library.GetIndexAsync(Token);
        var texts = Enumerable.Range(0, index.PassageCount).Select(i => index.GetPassage(i).Text).ToList();
        Assert.Contains(texts, t => t.Contains("cherries", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.Contains("bananas", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("apples", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SyncAsync_DeletedArticle_IsRemoved()
    {
        Write("a.txt", "Alpha title\n\nApples.");
        Write("b.txt", "Beta title\n\nBananas.");
        using var library = Library();
        await library.SyncAsync(null, Token);

        File.Delete(Path.Combine(_articles.FullName, "a.txt"));
        var result = await library.SyncAsync(null, Token);

        Assert.Equal((1, 0), (result.Removed, result.PassagesEmbedded));
        Assert.Equal(["b"], (await library.GetIndexAsync(Token)).Articles.Keys);
    }

    [Fact]
    public async Task SyncAsync_OtherEmbeddingModelOrSplitting_RebuildsEverything()
    {
        Write("a.txt", "Alpha title\n\nApples.");
        using (var first = Library())
        {
            await first.SyncAsync(null, Token);
        }

        using var otherModel = Library(new FakeEmbeddingGenerator("another-model"));
        var rebuilt = await otherModel.SyncAsync(null, Token);
        Assert.True(rebuilt.Rebuilt);
        Assert.Equal(1, rebuilt.PassagesEmbedded);

        using var otherSplitting = Library(new FakeEmbeddingGenerator("another-model"), targetWords: 60);
        Assert.True((await otherSplitting.SyncAsync(null, Token)).Rebuilt);
    }

    [Fact]
    public async Task SyncAsync_CrashBetweenWriteAndRename_PreviousIndexStillUsable()
    {
        Write("a.txt", "Alpha title\n\nApples.");
        using (var first = Library())
        {
            await first.SyncAsync(null, Token);
        }

        // A crash after the new file was written aside but before it was renamed into place.
        var path = Path.Combine(_index.FullName, ArticleLibrary.IndexFileName);
        var before = await File.ReadAllBytesAsync(path, Token);
        var half = IndexFile.WriteTemporary(path, IndexFile.Read(path).Manifest with { Articles = [], PassageCounts = [] }, []);
        await File.WriteAllBytesAsync(half, (await File.ReadAllBytesAsync(half, Token))[..10], Token);

        Assert.Equal(before, await File.ReadAllBytesAsync(path, Token));
        using var restarted = Library();
        var result = await restarted.SyncAsync(null, Token);
        Assert.Equal((0, false, 1), (result.PassagesEmbedded, result.Rebuilt, result.Unchanged));
    }

    [Fact]
    public async Task SyncAsync_CorruptIndexFile_IsDetectedAndRebuilt()
    {
        Write("a.txt", "Alpha title\n\nApples.");
        using (var first = Library())
        {
            await first.SyncAsync(null, Token);
        }

        var path = Path.Combine(_index.FullName, ArticleLibrary.IndexFileName);
        var bytes = await File.ReadAllBytesAsync(path, Token);
        bytes[bytes.Length / 2] ^= 0xFF;
        await File.WriteAllBytesAsync(path, bytes, Token);

        var error = Assert.Throws<InvalidDataException>(() => IndexFile.Read(path));
        Assert.Contains("is corrupt", error.Message, StringComparison.Ordinal);
        using var restarted = Library();
        var result = await restarted.SyncAsync(null, Token);
        Assert.True(result.Rebuilt);
        Assert.Single((await restarted.GetIndexAsync(Token)).Articles);
    }

    [Fact]
    public async Task SyncAsync_FileBecomesUnreadable_KeepsItsLastGoodVersion()
    {
        Write("a.txt", "Alpha title\n\nApples.");
        using var library = Library();
        await library.SyncAsync(null, Token);

        await File.WriteAllBytesAsync(Path.Combine(_articles.FullName, "a.txt"), [0x41, 0xC3, 0x28, 0x00, 0x42], Token);
        var result = await library.SyncAsync(null, Token);

        Assert.Equal(1, result.Skipped);
        Assert.Contains("Apples", (await library.GetIndexAsync(Token)).GetPassage(0).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SyncAsync_BadAndDuplicateFiles_SkippedThroughTheLoadersPathWithItsReasons()
    {
        var logger = new CapturingLogger<ArticleLoader>();
        Write("good.txt", "Good title\n\nThe good article talks about apples.");
        Write("empty.txt", "");
        Write("harbour.md", "# Harbour works\n\nFrom Markdown.\n");
        Write("harbour.txt", "Harbour works\n\nFrom text.");
        using var library = Library(loader: new ArticleLoader(logger));

        var result = await library.SyncAsync(null, Token);

        Assert.Equal(2, result.Skipped);
        Assert.Equal(["good", "harbour"], (await library.GetIndexAsync(Token)).Articles.Keys.Order(StringComparer.Ordinal));
        var warnings = logger.AtLevel(Microsoft.Extensions.Logging.LogLevel.Warning).Select(w => w.Message).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Contains(warnings, w => w.EndsWith("empty.txt: the file is empty (0 bytes)", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("harbour.txt: the article id 'harbour' is already used by", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SyncAsync_BadFileReplacedByAGoodOneWithTheSameId_TheGoodOneWins()
    {
        Write("a.txt", "Alpha title\n\nApples.");
        using var library = Library();
        await library.SyncAsync(null, Token);

        await File.WriteAllBytesAsync(Path.Combine(_articles.FullName, "a.txt"), [0x41, 0x00, 0x42], Token);
        Write("a.md", "# Alpha title\n\nApricots.\n");
        var result = await library.SyncAsync(null, Token);

        Assert.Equal(1, result.Skipped);
        var index = await library.GetIndexAsync(Token);
        Assert.Single(index.Articles);
        Assert.Contains("Apricots", index.GetPassage(0).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SyncAsync_IndexReplaced_SupersededSnapshotClosesItsFile()
    {
        Write("a.txt", "Alpha title\n\nApples.");
        using var library = Library();
        var old = await library.GetIndexAsync(Token);
        Assert.Contains("Apples", old.GetPassage(0).Text, StringComparison.Ordinal);

        Write("a.txt", "Alpha title\n\nApricots.");
        await library.SyncAsync(null, Token);

        Assert.Throws<ObjectDisposedException>(() => old.GetPassage(0));
        Assert.Contains("Apricots", (await library.GetIndexAsync(Token)).GetPassage(0).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SyncAsync_IndexReplacedWhileLeased_StaysReadableUntilTheLeaseEnds()
    {
        Write("a.txt", "Alpha title\n\nApples.");
        using var library = Library();
        var lease = await library.LeaseIndexAsync(Token);

        Write("a.txt", "Alpha title\n\nApricots.");
        await library.SyncAsync(null, Token);

        Assert.Contains("Apples", lease.Index.GetPassage(0).Text, StringComparison.Ordinal);
        using (var fresh = await library.LeaseIndexAsync(Token))
        {
            Assert.Contains("Apricots", fresh.Index.GetPassage(0).Text, StringComparison.Ordinal);
        }

        lease.Dispose();
        Assert.Throws<ObjectDisposedException>(() => lease.Index.GetPassage(0));
    }

    public void Dispose()
    {
        _articles.Delete(recursive: true);
        _index.Delete(recursive: true);
    }
}
