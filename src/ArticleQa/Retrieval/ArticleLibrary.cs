using System.Diagnostics;
using ArticleQa.Articles;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ArticleQa.Retrieval;

/// <summary>
/// Keeps the persisted passage index in step with the articles folder. Each article's content hash decides what is
/// embedded: unchanged articles are reused from the index file, changed ones re-embedded, deleted ones dropped. A file
/// built with another embedding model or other splitting settings, or a corrupt file, is rebuilt. Readers always see
/// a complete snapshot (<see cref="GetIndexAsync"/>); a sync swaps in the next one.
/// </summary>
public sealed partial class ArticleLibrary : IDisposable
{
    public const string IndexFileName = "passages.idx";

    private readonly ArticlesOptions _articles;
    private readonly IndexOptions _options;
    private readonly ArticleLoader _loader;
    private readonly PassageSplitter _splitter;
    private readonly IEmbeddingGenerator<string, Embedding<float>> _embeddings;
    private readonly ILogger<ArticleLibrary> _logger;
    private readonly SemaphoreSlim _syncLock = new(1, 1);
    private PassageIndex? _index;

    public ArticleLibrary(
        IOptions<ArticlesOptions> articles,
        IOptions<IndexOptions> options,
        ArticleLoader loader,
        PassageSplitter splitter,
        IEmbeddingGenerator<string, Embedding<float>> embeddings,
        ILogger<ArticleLibrary> logger)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(options);
        _articles = articles.Value;
        _options = options.Value;
        _loader = loader;
        _splitter = splitter;
        _embeddings = embeddings;
        _logger = logger;
        Folder = PathResolver.ResolveExisting(_articles.Path);
        IndexPath = Path.Combine(PathResolver.ResolveForWrite(_options.Path), IndexFileName);
    }

    /// <summary>The resolved articles folder.</summary>
    public string Folder { get; }

    /// <summary>The index file.</summary>
    public string IndexPath { get; }

    /// <summary>Raised after every sync that changed the index.</summary>
    public event EventHandler<IndexSyncResult>? Updated;

    /// <summary>The current snapshot; the first call loads the index file and brings it up to date with the folder.</summary>
    public async Task<PassageIndex> GetIndexAsync(CancellationToken cancellationToken)
    {
        if (_index is { } index)
        {
            return index;
        }

        await SyncAsync(progress: null, cancellationToken).ConfigureAwait(false);
        return _index!;
    }

    /// <summary>
    /// The current snapshot, held until the lease is disposed: what a reader of passage texts takes, so a sync that
    /// replaces the snapshot meanwhile (and closes its file) does not pull it from under the reader.
    /// </summary>
    public async Task<IndexLease> LeaseIndexAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var index = await GetIndexAsync(cancellationToken).ConfigureAwait(false);
            if (index.TryAcquire())
            {
                return new IndexLease(index);
            }

            // Retired and closed between the read and the acquire: the library already holds its successor.
        }
    }

    /// <summary>Brings the index up to date with the articles folder and persists it when anything changed.</summary>
    public async Task<IndexSyncResult> SyncAsync(IProgress<IndexProgress>? progress, CancellationToken cancellationToken)
    {
        await _syncLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var result = await SyncLockedAsync(progress, cancellationToken).ConfigureAwait(false);
            LogSynced(result);
            if (result.Wrote)
            {
                Updated?.Invoke(this, result);
            }

            return result;
        }
        finally
        {
            _syncLock.Release();
        }
    }

    private async Task<IndexSyncResult> SyncLockedAsync(IProgress<IndexProgress>? progress, CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        if (!Directory.Exists(Folder))
        {
            throw new DirectoryNotFoundException($"Articles folder '{Folder}' does not exist ({ArticlesOptions.SectionName}:Path or --articles).");
        }

        var wanted = await WantedManifestAsync(cancellationToken).ConfigureAwait(false);
        var (current, rebuilt) = _index is { } loaded ? (loaded, false) : LoadFromDisk(wanted);
        var plan = Plan(current);
        var fresh = await EmbedAsync(plan.ToLoad, progress, cancellationToken).ConfigureAwait(false);
        var articles = plan.Order.Select(id => plan.Reused.TryGetValue(id, out var reused) ? reused : fresh[id]).ToList();
        if (plan.Changes > 0 || rebuilt || !File.Exists(IndexPath))
        {
            IndexFile.Write(IndexPath, wanted with { Articles = articles.Select(a => a.Info).ToList(), PassageCounts = articles.Select(a => a.Passages.Count).ToList() }, articles);
            _index = IndexFile.Read(IndexPath);

            // The superseded snapshot closes its file as soon as its last reader is done.
            current.Dispose();
        }
        else
        {
            _index = current;
        }

        return new IndexSyncResult(
            articles.Count, _index.PassageCount, plan.Reused.Count, plan.Added, plan.Changed, plan.Removed, plan.Skipped,
            fresh.Values.Sum(a => a.Passages.Count), rebuilt, started.Elapsed);
    }

    private (PassageIndex Index, bool Rebuilt) LoadFromDisk(IndexManifest wanted)
    {
        if (!File.Exists(IndexPath))
        {
            return (PassageIndex.Empty(wanted), false);
        }

        try
        {
            var index = IndexFile.Read(IndexPath);
            var mismatch = index.Manifest.MismatchWith(wanted);
            if (mismatch is null)
            {
                return (index, false);
            }

            _logger.LogWarning("Index {Path} was built with another configuration ({Mismatch}); rebuilding it", IndexPath, mismatch);
            index.Dispose();
        }
        catch (InvalidDataException e)
        {
            _logger.LogError("{Problem}; rebuilding the index", e.Message);
        }

        return (PassageIndex.Empty(wanted), true);
    }

    private async Task<IndexManifest> WantedManifestAsync(CancellationToken cancellationToken)
    {
        var metadata = _embeddings.GetService<EmbeddingGeneratorMetadata>();
        var dimensions = metadata?.DefaultModelDimensions
            ?? (await _embeddings.GenerateAsync(["dimensions"], cancellationToken: cancellationToken).ConfigureAwait(false))[0].Vector.Length;
        return new IndexManifest(
            IndexManifest.CurrentFormatVersion,
            metadata?.DefaultModelId ?? _embeddings.GetType().Name,
            dimensions,
            _articles.MinWords,
            _articles.TargetWords,
            _articles.MaxWords,
            _articles.OverlapSentences,
            [],
            []);
    }

    private void LogSynced(IndexSyncResult result)
    {
        if (result.Wrote)
        {
            _logger.LogInformation("Indexed {Folder} into {Path}: {Summary}", Folder, IndexPath, result.ToString());
        }
        else
        {
            _logger.LogDebug("Index {Path} is up to date with {Folder}", IndexPath, Folder);
        }
    }

    public void Dispose()
    {
        _syncLock.Dispose();
        _index?.Dispose();
    }
}
