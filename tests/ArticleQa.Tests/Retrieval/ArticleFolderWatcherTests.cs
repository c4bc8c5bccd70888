using ArticleQa.Articles;
using ArticleQa.Retrieval;
using ArticleQa.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ArticleQa.Tests.Retrieval;

/// <summary>
/// The watcher on a fake clock: a change is noticed (signal), the debounce runs out only when the test moves the
/// clock, and the sync reports through <see cref="ArticleLibrary.Updated"/> (signal). No sleeps.
/// </summary>
public sealed class ArticleFolderWatcherTests : IDisposable
{
    private static readonly TimeSpan Debounce = TimeSpan.FromSeconds(2);

    private readonly DirectoryInfo _articles = Directory.CreateTempSubdirectory("articles-");
    private readonly DirectoryInfo _index = Directory.CreateTempSubdirectory("index-");
    private readonly FakeTimeProvider _time = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Start_FileAddedChangedRemoved_IndexFollowsWithoutRestart()
    {
        Write("a.txt", "Alpha\n\nApples grow on trees.");
        using var library = Library();
        await library.GetIndexAsync(Token);
        using var watcher = Watcher(library);
        watcher.Start();

        await ChangeThenDebounceAsync(library, watcher, () => Write("b.txt", "Beta\n\nBananas are yellow."));
        Assert.Equal(["a", "b"], (await library.GetIndexAsync(Token)).Articles.Keys.Order());

        await ChangeThenDebounceAsync(library, watcher, () => Write("b.txt", "Beta\n\nBananas are green at first."));
        var index = await library.GetIndexAsync(Token);
        Assert.Contains(Enumerable.Range(0, index.PassageCount), i => index.GetPassage(i).Text.Contains("green", StringComparison.Ordinal));

        await ChangeThenDebounceAsync(library, watcher, () => File.Delete(Path.Combine(_articles.FullName, "a.txt")));
        Assert.Equal(["b"], (await library.GetIndexAsync(Token)).Articles.Keys);
    }

    [Fact]
    public async Task Start_BurstOfChanges_IndexedOnceAfterTheDebounce()
    {
        Write("a.txt", "Alpha\n\nApples grow on trees.");
        using var library = Library();
        await library.GetIndexAsync(Token);
        using var watcher = Watcher(library);
        watcher.Start();
        var syncs = new List<IndexSyncResult>();
        library.Updated += (_, result) => syncs.Add(result);

        var result = await ChangeThenDebounceAsync(library, watcher, () =>
        {
            Write("b.txt", "Beta\n\nBananas are yellow.");
            Write("c.txt", "Gamma\n\nCherries are red.");
            Write("d.txt", "Delta\n\nDates are sweet.");
        });

        Assert.Equal(3, result.Added);
        Assert.Single(syncs);
    }

    [Fact]
    public async Task Start_ChangeNoticed_NoSyncBeforeTheDebounceRunsOut()
    {
        using var library = Library();
        await library.GetIndexAsync(Token);
        using var watcher = Watcher(library);
        watcher.Start();
        var noticed = Signal(h => watcher.ChangeNoticed += h);
        var synced = 0;
        library.Updated += (_, _) => Interlocked.Increment(ref synced);

        Write("b.txt", "Beta\n\nBananas are yellow.");
        await noticed.WaitAsync(Token);
        _time.Advance(Debounce - TimeSpan.FromMilliseconds(1));

        // The timer has not fired, so no sync was started: the index still holds no article.
        Assert.Empty((await library.GetIndexAsync(Token)).Articles);
        Assert.Equal(0, synced);
    }

    /// <summary>
    /// Makes a change, waits until the watcher noticed it, runs the debounce out, and waits for the sync. The file
    /// system reports a change in several events that may come after the debounce was run out, and each restarts it,
    /// so it is run out again after every event noticed until the sync comes (once this waited for ever when the
    /// last of a burst's events came after the only advance).
    /// </summary>
    private async Task<IndexSyncResult> ChangeThenDebounceAsync(ArticleLibrary library, ArticleFolderWatcher watcher, Action change)
    {
        var noticed = Signal(h => watcher.ChangeNoticed += h);
        var updated = new TaskCompletionSource<IndexSyncResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnUpdated(object? sender, IndexSyncResult result) => updated.TrySetResult(result);
        library.Updated += OnUpdated;
        try
        {
            change();
            await noticed.WaitAsync(Token);
            while (true)
            {
                var noticedAgain = Signal(h => watcher.ChangeNoticed += h);
                _time.Advance(Debounce);
                if (await Task.WhenAny(updated.Task, noticedAgain).WaitAsync(Token) == updated.Task)
                {
                    return await updated.Task;
                }
            }
        }
        finally
        {
            library.Updated -= OnUpdated;
        }
    }

    private static Task Signal(Action<EventHandler> subscribe)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        subscribe((_, _) => signal.TrySetResult());
        return signal.Task;
    }

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(_articles.FullName, name), text);

    private ArticleLibrary Library() => new(
        Options.Create(new ArticlesOptions { Path = _articles.FullName }),
        Options.Create(new IndexOptions { Path = _index.FullName }),
        new ArticleLoader(NullLogger<ArticleLoader>.Instance),
        new PassageSplitter(Options.Create(new ArticlesOptions())),
        new FakeEmbeddingGenerator(),
        NullLogger<ArticleLibrary>.Instance);

    private ArticleFolderWatcher Watcher(ArticleLibrary library) => new(
        library,
        Options.Create(new IndexOptions { Path = _index.FullName, DebounceMilliseconds = (int)Debounce.TotalMilliseconds }),
        _time,
        NullLogger<ArticleFolderWatcher>.Instance);

    public void Dispose()
    {
        _articles.Delete(recursive: true);
        _index.Delete(recursive: true);
    }
}
