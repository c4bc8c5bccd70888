using ArticleQa.Retrieval;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ArticleBot.Storage.Postgres;

/// <summary>
/// The shared database for command-line verbs (<c>feedback export</c>, <c>ingest</c> as a job) when
/// Storage:Provider is PostgreSQL: reached and migrated like at start-up, or null with another provider.
/// </summary>
internal static class PostgresCommandStore
{
    public static async Task<PostgresDatabase?> OpenAsync(IConfiguration configuration, CancellationToken cancellationToken)
    {
        var options = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        if (options.Provider != StorageProvider.PostgreSQL)
        {
            return null;
        }

        if (new StorageOptionsValidator(configuration).Validate(null, options) is { Failed: true } invalid)
        {
            throw new InvalidOperationException(invalid.FailureMessage);
        }

        var database = new PostgresDatabase(configuration, Options.Create(options), NullLogger<PostgresDatabase>.Instance);
        try
        {
            await new PostgresStartup(database, NullLogger<PostgresStartup>.Instance).StartAsync(cancellationToken);
            return database;
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// <c>ingest</c> into the shared index: starts from the stored index (so only changed articles are embedded),
    /// syncs it with the folder and publishes what changed; instances follow within Storage:IndexFollowMilliseconds.
    /// </summary>
    public static async Task<(IndexSyncResult Result, long Version)> IngestAsync(PostgresDatabase database, ArticleLibrary library, IProgress<IndexProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(library);
        var store = new PostgresIndexStore(database);
        if (await store.LoadAsync(library.IndexPath, cancellationToken) is { } stored && await library.MismatchAsync(stored.Index, cancellationToken) is null)
        {
            await library.ReplaceAsync(stored.Index, cancellationToken);
        }

        var result = await library.SyncAsync(progress, cancellationToken);
        using var lease = await library.LeaseIndexAsync(cancellationToken);
        var version = await store.PublishAsync(lease.Index, cancellationToken);
        return (result, version);
    }
}
