using ArticleQa.Retrieval;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ArticleBot.Storage.Postgres;

/// <summary>
/// Keeps this instance's in-memory index a replica of the one in PostgreSQL. At start, one instance (the holder of an
/// advisory lock) brings the stored index up to date with the articles folder, embedding only what changed, and goes
/// on watching the folder and publishing; every other instance loads the stored index without embedding anything.
/// All follow new versions (NOTIFY, and a version check every Storage:IndexFollowMilliseconds); when the holder
/// stops, another instance takes the lock over.
/// </summary>
public sealed class IndexReplica(
    PostgresIndexStore store,
    PostgresDatabase database,
    PostgresNotifications notifications,
    ArticleLibrary library,
    ArticleFolderWatcher watcher,
    IndexRole role,
    IOptions<StorageOptions> options,
    ILogger<IndexReplica> logger) : IHostedService, IAsyncDisposable
{
    private const long WatcherLock = 0x4172_7469_636c_6503;
    private readonly CancellationTokenSource _stopping = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SemaphoreSlim _changed = new(0);
    private NpgsqlConnection? _lockConnection;
    private long _version;
    private Task _following = Task.CompletedTask;

    public long Version => Interlocked.Read(ref _version);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var owner = await TryTakeWatcherLockAsync(cancellationToken);
        role.WatchesFolder = owner;
        if (owner)
        {
            await IngestAsync(cancellationToken);
        }
        else
        {
            await WaitForFirstVersionAsync(cancellationToken);
        }

        library.Updated += OnLibraryUpdated;
        notifications.IndexChanged += OnIndexChanged;
        _following = Task.Run(() => FollowAsync(_stopping.Token), CancellationToken.None);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        library.Updated -= OnLibraryUpdated;
        notifications.IndexChanged -= OnIndexChanged;
        await _stopping.CancelAsync();
        await _following.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>Pulls the stored index (reusing its embeddings), syncs it with the folder, publishes what changed.</summary>
    private async Task IngestAsync(CancellationToken cancellationToken)
    {
        await PullAsync(cancellationToken);
        var result = await library.SyncAsync(progress: null, cancellationToken);
        logger.LogInformation("Ingested the articles folder for the shared index: {Summary}", result.ToString());
        await PublishAsync(cancellationToken);
    }

    private async Task PublishAsync(CancellationToken cancellationToken)
    {
        // Publishing reads every passage text from the snapshot's file: hold it so a sync meanwhile cannot close it.
        using var lease = await library.LeaseIndexAsync(cancellationToken);
        var version = await store.PublishAsync(lease.Index, cancellationToken);
        Interlocked.Exchange(ref _version, version);
    }

    /// <summary>Loads the stored index when it is newer than this instance's; true when it replaced the snapshot.</summary>
    private async Task<bool> PullAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var stored = await store.VersionAsync(cancellationToken);
            if (stored == 0 || stored == Version)
            {
                return false;
            }

            var loaded = await store.LoadAsync(library.IndexPath, cancellationToken);
            if (loaded is not { } replica)
            {
                return false;
            }

            if (await library.MismatchAsync(replica.Index, cancellationToken) is { } mismatch)
            {
                logger.LogWarning("The shared index was built with other settings ({Mismatch}); {Action}", mismatch, role.WatchesFolder ? "re-ingesting it" : "using it until the ingesting instance rebuilds it");
                if (role.WatchesFolder)
                {
                    replica.Index.Dispose();
                    return false;
                }
            }

            await library.ReplaceAsync(replica.Index, cancellationToken);
            Interlocked.Exchange(ref _version, replica.Version);
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task WaitForFirstVersionAsync(CancellationToken cancellationToken)
    {
        while (!await PullAsync(cancellationToken))
        {
            logger.LogInformation("Waiting for the instance holding the watcher lock to ingest the shared index");
            if (await TryTakeWatcherLockAsync(cancellationToken))
            {
                role.WatchesFolder = true;
                await IngestAsync(cancellationToken);
                return;
            }

            await Task.Delay(options.Value.IndexFollowMilliseconds, cancellationToken);
        }
    }

    private async Task FollowAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await _changed.WaitAsync(options.Value.IndexFollowMilliseconds, cancellationToken);
                await PullAsync(cancellationToken);
                if (!role.WatchesFolder && await TryTakeWatcherLockAsync(cancellationToken))
                {
                    logger.LogInformation("Took over watching the articles folder for the shared index");
                    role.WatchesFolder = true;
                    await IngestAsync(cancellationToken);
                    watcher.Start();
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (PostgresDatabase.IsTransient(e) || e is NpgsqlException or InvalidDataException or IOException)
            {
                logger.LogWarning("Following the shared index failed ({Problem}); trying again", e.Message);
            }
        }
    }

    private void OnIndexChanged(object? sender, EventArgs e) => _changed.Release();

    /// <summary>The watcher re-indexed the folder: publish what changed (only the lock holder watches).</summary>
    private void OnLibraryUpdated(object? sender, IndexSyncResult result)
    {
        if (!role.WatchesFolder || result.PassagesEmbedded == 0 && result.Removed == 0 && result.Changed == 0 && result.Added == 0)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                await PublishAsync(_stopping.Token);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Publishing the re-indexed articles to the shared index failed");
            }
        });
    }

    /// <summary>The watcher lock is a session lock: held as long as this connection lives, released if the process dies.</summary>
    private async Task<bool> TryTakeWatcherLockAsync(CancellationToken cancellationToken)
    {
        if (_lockConnection is not null)
        {
            return true;
        }

        var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT pg_try_advisory_lock({WatcherLock})", connection);
        if ((bool)(await command.ExecuteScalarAsync(cancellationToken))!)
        {
            _lockConnection = connection;
            return true;
        }

        await connection.DisposeAsync();
        return false;
    }

    public async ValueTask DisposeAsync()
    {
        _stopping.Dispose();
        _gate.Dispose();
        _changed.Dispose();
        if (_lockConnection is not null)
        {
            await _lockConnection.DisposeAsync();
        }
    }
}
