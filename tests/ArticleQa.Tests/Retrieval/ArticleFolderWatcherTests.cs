using ArticleQa.Articles;
using ArticleQa.Retrieval;
using ArticleQa.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ArticleQa.Tests.Retrieval;

public sealed class ArticleFolderWatcherTests : IDisposable
{
    private readonly DirectoryInfo _articles = Directory.CreateTempSubdirectory("articles-");
    private readonly DirectoryInfo _index = Directory.CreateTempSubdirectory("index-");

    [Fact]
    public async Task Start_FileAddedChangedRemoved_IndexFollowsWithoutRestart()
    {
        File.WriteAllText(Path.Combine(_articles.FullName, "a.txt"), "Alpha\n\nApples grow on trees.");
        var options = new IndexOptions { Path = _index.FullName, DebounceMilliseconds = 100 };
        using var library = new ArticleLibrary(
            Options.Create(new ArticlesOptions { Path = _articles.FullName }),
            Options.Create(options),
            new ArticleLoader(NullLogger<ArticleLoader>.Instance),
            new PassageSplitter(Options.Create(new ArticlesOptions())),
            new FakeEmbeddingGenerator(),
            NullLogger<ArticleLibrary>.Instance);
        await library.GetIndexAsync(TestContext.Current.CancellationToken);
        using var watcher = new ArticleFolderWatcher(library, Options.Create(options), NullLogger<ArticleFolderWatcher>.Instance);
        watcher.Start();

        await UntilUpdatedAsync(library, () => File.WriteAllText(Path.Combine(_articles.FullName, "b.txt"), "Beta\n\nBananas are yellow."));
        Assert.Equal(["a", "b"], (await library.GetIndexAsync(TestContext.Current.CancellationToken)).Articles.Keys.Order());

        await UntilUpdatedAsync(library, () => File.WriteAllText(Path.Combine(_articles.FullName, "b.txt"), "Beta\n\nBananas are green at first."));
        var index = await library.GetIndexAsync(TestContext.Current.CancellationToken);
        Assert.Contains(Enumerable.Range(0, index.PassageCount), i => index.GetPassage(i).Text.Contains("green", StringComparison.Ordinal));

        await UntilUpdatedAsync(library, () => File.Delete(Path.Combine(_articles.FullName, "a.txt")));
        Assert.Equal(["b"], (await library.GetIndexAsync(TestContext.Current.CancellationToken)).Articles.Keys);
    }

    /// <summary>Makes a change and waits for the index to be updated (events, not sleeps; a generous cap against hangs).</summary>
    private static async Task UntilUpdatedAsync(ArticleLibrary library, Action change)
    {
        var updated = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnUpdated(object? sender, IndexSyncResult result) => updated.TrySetResult();
        library.Updated += OnUpdated;
        try
        {
            change();
            await updated.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        }
        finally
        {
            library.Updated -= OnUpdated;
        }
    }

    public void Dispose()
    {
        _articles.Delete(recursive: true);
        _index.Delete(recursive: true);
    }
}
