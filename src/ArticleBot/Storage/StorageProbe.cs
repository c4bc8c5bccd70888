using ArticleBot.Storage.Postgres;

namespace ArticleBot.Storage;

/// <summary>Whether the configured store answers, for <c>/readyz</c>.</summary>
public sealed class StorageProbe(StorageProvider provider, string? folder, PostgresDatabase? database)
{
    public string Description => provider switch
    {
        StorageProvider.PostgreSQL => $"PostgreSQL {database!.MaskedConnectionString}",
        StorageProvider.File => $"folder {folder}",
        _ => "memory",
    };

    /// <summary>Why the store cannot be used right now, or null when it can.</summary>
    public async Task<string?> ProblemAsync(CancellationToken cancellationToken)
    {
        switch (provider)
        {
            case StorageProvider.PostgreSQL:
                try
                {
                    await database!.PingAsync(cancellationToken);
                    return null;
                }
                catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException or InvalidOperationException)
                {
                    return e.Message;
                }

            case StorageProvider.File:
                try
                {
                    Directory.CreateDirectory(folder!);
                    return null;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    return e.Message;
                }

            default:
                return null;
        }
    }
}
