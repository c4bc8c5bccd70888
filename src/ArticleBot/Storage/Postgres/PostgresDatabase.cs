using ArticleBot.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ArticleBot.Storage.Postgres;

/// <summary>
/// The shared PostgreSQL database (<c>ConnectionStrings:ArticleBot</c>): one connection pool, calls retried with
/// exponential backoff when they fail transiently (connection lost, server restarting, serialization failure).
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable, IDisposable
{
    private readonly StorageOptions _options;
    private readonly ILogger<PostgresDatabase> _logger;

    public PostgresDatabase(IConfiguration configuration, IOptions<StorageOptions> options, ILogger<PostgresDatabase> logger)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _logger = logger;
        var connectionString = configuration.GetConnectionString(StorageOptions.ConnectionStringName)
            ?? throw new InvalidOperationException($"{StorageOptions.ConnectionStringKey} is not set.");
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"{StorageOptions.ConnectionStringKey} is not a valid PostgreSQL connection string: {e.Message}", e);
        }

        MaskedConnectionString = Mask(builder);
        DataSource = NpgsqlDataSource.Create(builder);
    }

    public NpgsqlDataSource DataSource { get; }

    /// <summary>The connection string with its password replaced by ***, for messages.</summary>
    public string MaskedConnectionString { get; }

    /// <summary>Runs <paramref name="work"/> on a pooled connection, again on a fresh one after a transient failure.</summary>
    public async Task<T> RunAsync<T>(Func<NpgsqlConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await using var connection = await DataSource.OpenConnectionAsync(cancellationToken);
                return await work(connection, cancellationToken);
            }
            catch (Exception e) when (attempt < _options.MaxRetries && IsTransient(e) && !cancellationToken.IsCancellationRequested)
            {
                var delay = TimeSpan.FromMilliseconds(_options.RetryDelayMilliseconds * Math.Pow(2, attempt));
                _logger.LogWarning("Database call failed ({Problem}); retry {Attempt} of {MaxRetries} in {DelayMs} ms", e.Message, attempt + 1, _options.MaxRetries, delay.TotalMilliseconds);
                NpgsqlConnection.ClearAllPools();
                await Task.Delay(delay, cancellationToken);
            }
        }
    }

    public Task RunAsync(Func<NpgsqlConnection, CancellationToken, Task> work, CancellationToken cancellationToken) =>
        RunAsync<bool>(async (connection, token) =>
        {
            await work(connection, token);
            return true;
        }, cancellationToken);

    /// <summary>One round trip (<c>/readyz</c>), not retried.</summary>
    public async Task PingAsync(CancellationToken cancellationToken)
    {
        await using var command = DataSource.CreateCommand("SELECT 1");
        await command.ExecuteScalarAsync(cancellationToken);
    }

    /// <summary>Lost connections, a server shutting down or starting, deadlocks and serialization failures.</summary>
    public static bool IsTransient(Exception e) => e switch
    {
        PostgresException pg => pg.IsTransient || pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState is "57P01" or "57P02" or "57P03" or "40001" or "40P01",
        NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is IOException or System.Net.Sockets.SocketException,
        IOException or TimeoutException => true,
        _ => false,
    };

    internal static string Mask(NpgsqlConnectionStringBuilder builder)
    {
        var masked = new NpgsqlConnectionStringBuilder(builder.ConnectionString);
        if (!string.IsNullOrEmpty(masked.Password))
        {
            masked.Password = "***";
        }

        return masked.ConnectionString;
    }

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();

    public void Dispose() => DataSource.Dispose();
}
