using Microsoft.Extensions.Logging;

namespace ArticleQa.Retrieval;

public sealed partial class ArticleLibrary
{
    /// <summary>
    /// Makes <paramref name="index"/> (built from a shared store, see <see cref="IndexTransfer"/>) the current snapshot
    /// without looking at the folder: for instances that follow an index another process ingests.
    /// </summary>
    public async Task ReplaceAsync(PassageIndex index, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(index);
        await _syncLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _index = index;
        }
        finally
        {
            _syncLock.Release();
        }

        _logger.LogInformation("Index replaced from the shared store: {Articles} articles, {Passages} passages", index.Articles.Count, index.PassageCount);
        Updated?.Invoke(this, new IndexSyncResult(index.Articles.Count, index.PassageCount, 0, 0, 0, 0, 0, 0, Rebuilt: true, TimeSpan.Zero));
    }

    /// <summary>Why <paramref name="index"/> was built with other settings than this library's (model, splitting), or null.</summary>
    public async Task<string?> MismatchAsync(PassageIndex index, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(index);
        return index.Manifest.MismatchWith(await WantedManifestAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The current snapshot if one is loaded, without loading or syncing anything.</summary>
    public PassageIndex? CurrentIndex => _index;
}
