using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ArticleQa.Retrieval;

/// <summary>
/// While serving, re-indexes the articles folder a moment after files are added, changed, renamed or removed
/// (debounced by <c>Index:DebounceMilliseconds</c> on the injected clock, so a burst of changes is indexed once).
/// </summary>
public sealed class ArticleFolderWatcher(ArticleLibrary library, IOptions<IndexOptions> options, TimeProvider time, ILogger<ArticleFolderWatcher> logger) : IDisposable
{
    private readonly TimeSpan _debounce = TimeSpan.FromMilliseconds(options.Value.DebounceMilliseconds);
    private readonly CancellationTokenSource _stopping = new();
    private FileSystemWatcher? _watcher;
    private ITimer? _timer;

    /// <summary>Raised after a file change has (re)started the debounce: tests move their clock on this signal.</summary>
    internal event EventHandler? ChangeNoticed;

    public bool IsWatching => _watcher is not null;

    /// <summary>Starts watching when <c>Index:Watch</c> is on; does nothing otherwise or when already started.</summary>
    public void Start()
    {
        if (!options.Value.Watch || _watcher is not null)
        {
            return;
        }

        _timer = time.CreateTimer(_ => _ = SyncAsync(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _watcher = new FileSystemWatcher(library.Folder) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.DirectoryName };
        _watcher.Created += OnChanged;
        _watcher.Changed += OnChanged;
        _watcher.Deleted += OnChanged;
        _watcher.Renamed += OnChanged;
        _watcher.EnableRaisingEvents = true;
        logger.LogInformation("Watching {Folder} for article changes", library.Folder);
    }

    private void OnChanged(object sender, FileSystemEventArgs e)
    {
        _timer?.Change(_debounce, Timeout.InfiniteTimeSpan);
        ChangeNoticed?.Invoke(this, EventArgs.Empty);
    }

    private async Task SyncAsync()
    {
        try
        {
            await library.SyncAsync(progress: null, _stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            // A failed re-index keeps the previous snapshot answering; the next change tries again.
            logger.LogError(e, "Re-indexing {Folder} failed", library.Folder);
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _watcher?.Dispose();
        _timer?.Dispose();
        _stopping.Dispose();
    }
}
