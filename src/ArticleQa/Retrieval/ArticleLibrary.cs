using ArticleQa.Articles;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ArticleQa.Retrieval;

/// <summary>Owns the current <see cref="PassageIndex"/> of the articles folder; loads it once, on first use.</summary>
public sealed class ArticleLibrary(
    IOptions<ArticlesOptions> options,
    ArticleLoader loader,
    PassageSplitter splitter,
    ILogger<ArticleLibrary> logger) : IDisposable
{
    private readonly SemaphoreSlim _loadLock = new(1, 1);
    private PassageIndex? _index;

    /// <summary>The resolved articles folder.</summary>
    public string Folder { get; } = PathResolver.ResolveExisting(options.Value.Path);

    public async Task<PassageIndex> GetIndexAsync(CancellationToken cancellationToken)
    {
        if (_index is { } index)
        {
            return index;
        }

        await _loadLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _index ??= await Task.Run(Load, cancellationToken).ConfigureAwait(false);
            return _index;
        }
        finally
        {
            _loadLock.Release();
        }
    }

    private PassageIndex Load()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var result = loader.LoadFolder(Folder);
        var index = PassageIndex.Build(result.Articles, splitter);
        logger.LogInformation(
            "Indexed {Passages} passages of {Articles} articles in {ElapsedMs} ms",
            index.Passages.Count,
            index.Articles.Count,
            started.ElapsedMilliseconds);
        return index;
    }

    public void Dispose() => _loadLock.Dispose();
}
