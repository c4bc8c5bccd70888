using ArticleBot.Storage;
using ArticleBot.Storage.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ArticleBot.Cli;

/// <summary>A throwaway database on the benchmark's server (never the bot's own data), migrated, dropped afterwards.</summary>
internal sealed class BenchmarkDatabase : IAsyncDisposable
{
    private readonly string _server;
    private readonly string _name;

    private BenchmarkDatabase(string server, string name, PostgresDatabase database)
    {
        _server = server;
        _name = name;
        Database = database;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public PostgresDatabase Database { get; }

    public string ConnectionString { get; }

    public static async Task<BenchmarkDatabase> CreateAsync(string server, CancellationToken cancellationToken)
    {
        var name = "articlebot_benchmark_" + Guid.NewGuid().ToString("N")[..12];
        try
        {
            await using var connection = new NpgsqlConnection(server);
            await connection.OpenAsync(cancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or ArgumentException)
        {
            throw new CommandLineException($"--postgres: cannot create a benchmark database on {PostgresDatabase.Mask(new NpgsqlConnectionStringBuilder(server))}: {e.Message}");
        }

        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [StorageOptions.ConnectionStringKey] = connectionString }).Build();
        var database = new PostgresDatabase(configuration, Options.Create(new StorageOptions { Provider = StorageProvider.PostgreSQL }), NullLogger<PostgresDatabase>.Instance);
        await new PostgresStartup(database, NullLogger<PostgresStartup>.Instance).StartAsync(cancellationToken);
        return new BenchmarkDatabase(server, name, database);
    }

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
