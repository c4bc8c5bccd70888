using System.Diagnostics;
using Npgsql;

namespace ArticleBot.Tests.Storage;

/// <summary>
/// A fresh database on the test PostgreSQL server (ARTICLEBOT_TEST_POSTGRES, set by .ci/run), dropped afterwards.
/// Under CI=true a missing server fails the test; locally the test is skipped with how to start one.
/// </summary>
internal sealed class PostgresTestDatabase : IAsyncDisposable
{
    /// <summary>
    /// The test collection of every class that uses the server: one of them restarts it, which ends every connection
    /// (a class creating its database meanwhile failed with 57P01 "terminating connection due to administrator
    /// command"), so they do not run at the same time.
    /// </summary>
    public const string Collection = "PostgreSQL server";

    public const string ServerVariable = "ARTICLEBOT_TEST_POSTGRES";
    public const string RestartVariable = "ARTICLEBOT_TEST_POSTGRES_RESTART";

    private readonly string _server;

    private PostgresTestDatabase(string server, string name)
    {
        _server = server;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<PostgresTestDatabase> CreateAsync()
    {
        var server = Environment.GetEnvironmentVariable(ServerVariable);
        if (string.IsNullOrEmpty(server))
        {
            const string how = $"{ServerVariable} is not set: start a throwaway server with `eval \"$(.ci/postgres start)\"` (needs `apt-get install -y postgresql`), then run dotnet test in that shell.";
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                Assert.Fail($"PostgreSQL tests never skip under CI=true. {how}");
            }

            Assert.Skip(how);
        }

        var name = "articlebot_test_" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = new NpgsqlConnection(Unpooled(server));
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        return new PostgresTestDatabase(server, name);
    }

    /// <summary>
    /// The server's connection string without pooling, for the test's own statements: a pooled connection outlives a
    /// restart of the server and fails its next command with 57P01.
    /// </summary>
    private static string Unpooled(string server) => new NpgsqlConnectionStringBuilder(server) { Pooling = false }.ConnectionString;

    /// <summary>The settings that put a host on this database.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["Storage:Provider"] = "PostgreSQL",
        ["ConnectionStrings:ArticleBot"] = ConnectionString,
        ["Storage:RetryDelayMilliseconds"] = "100",
        ["Storage:MaxRetries"] = "8",
    };

    /// <summary>
    /// Restarts the server (ARTICLEBOT_TEST_POSTGRES_RESTART, set by .ci/run); without that command, ends every
    /// connection to this database, which is what clients see of a restart.
    /// </summary>
    public async Task RestartServerAsync()
    {
        if (Environment.GetEnvironmentVariable(RestartVariable) is { Length: > 0 } restart)
        {
            using var process = Process.Start(new ProcessStartInfo("bash") { ArgumentList = { "-c", restart }, RedirectStandardOutput = true, RedirectStandardError = true })!;
            var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            Assert.True(process.ExitCode == 0, $"Restarting PostgreSQL failed: {await error}");
            return;
        }

        await using var connection = new NpgsqlConnection(Unpooled(_server));
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{Name}'", connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(Unpooled(_server));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
