using Npgsql;

namespace ArticleBot.Storage.Postgres;

/// <summary>
/// Before anything else starts: reaches the database and migrates its schema. An unreachable database stops start-up
/// with one message naming the connection-string key (password masked).
/// </summary>
internal sealed class PostgresStartup(PostgresDatabase database, ILogger<PostgresStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<int> applied;
        try
        {
            applied = await database.RunAsync((connection, token) => PostgresSchema.MigrateAsync(connection, token), cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or IOException)
        {
            throw new InvalidOperationException(
                $"Cannot use the PostgreSQL database of {StorageOptions.ConnectionStringKey} ({database.MaskedConnectionString}): {e.Message}", e);
        }

        logger.LogInformation("Database {Database} at schema version {Version} (applied now: {Applied})", database.MaskedConnectionString, PostgresSchema.LatestVersion, applied.Count == 0 ? "none" : string.Join(", ", applied));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
