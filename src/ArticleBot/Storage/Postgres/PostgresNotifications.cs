using ArticleBot.DirectLine;
using Npgsql;

namespace ArticleBot.Storage.Postgres;

/// <summary>
/// One LISTEN connection per instance: Direct Line stream changes wake the polls waiting here; index changes are
/// passed to <see cref="IndexChanged"/>. Reconnects after the database went away.
/// </summary>
public sealed class PostgresNotifications(PostgresDatabase database, DirectLineWaiters waiters, ILogger<PostgresNotifications> logger) : BackgroundService
{
    public const string IndexChannel = "articlebot_index";

    /// <summary>Raised (on the listening thread) when another process published a new index version.</summary>
    public event EventHandler? IndexChanged;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await database.DataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += OnNotification;
                await using (var listen = new NpgsqlCommand($"LISTEN {PostgresDirectLineStore.Channel}; LISTEN {IndexChannel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                // Changes made while this connection was down were not heard: let the index follower look again.
                IndexChanged?.Invoke(this, EventArgs.Empty);
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (PostgresDatabase.IsTransient(e) || e is NpgsqlException)
            {
                logger.LogWarning("Listening for database notifications failed ({Problem}); reconnecting", e.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs e)
    {
        if (e.Channel == PostgresDirectLineStore.Channel)
        {
            waiters.Wake(e.Payload);
        }
        else if (e.Channel == IndexChannel)
        {
            IndexChanged?.Invoke(this, EventArgs.Empty);
        }
    }
}
