using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ArticleBot.DirectLine;
using Npgsql;
using NpgsqlTypes;

namespace ArticleBot.Storage.Postgres;

/// <summary>
/// The Direct Line conversations in PostgreSQL, so any instance serves any call: tokens and members in
/// <c>directline_conversations</c>, each stream in <c>directline_activities</c> numbered by the watermark. Every
/// change is announced with NOTIFY, which wakes waiting polls on every instance (<see cref="PostgresNotifications"/>).
/// </summary>
public sealed class PostgresDirectLineStore(PostgresDatabase database, DirectLineWaiters waiters, TimeProvider time) : IDirectLineStore
{
    public const string Channel = "articlebot_directline";
    private const int MaxActivities = 500;
    private const int TurnLockClass = 0x444C;
    private static readonly TimeSpan IdleTimeout = TimeSpan.FromHours(1);

    public Task<DirectLineSession> CreateAsync(CancellationToken cancellationToken)
    {
        var id = RandomText(18);
        var token = NewToken(id);
        return database.RunAsync(async (connection, token2) =>
        {
            await using var sweep = new NpgsqlCommand("DELETE FROM directline_conversations WHERE last_used < @cutoff", connection);
            sweep.Parameters.AddWithValue("cutoff", time.GetUtcNow() - IdleTimeout);
            await sweep.ExecuteNonQueryAsync(token2);
            await using var insert = new NpgsqlCommand("INSERT INTO directline_conversations (id, token, token_expires, last_used) VALUES (@id, @token, @expires, @now)", connection);
            insert.Parameters.AddWithValue("id", id);
            insert.Parameters.AddWithValue("token", token.Value);
            insert.Parameters.AddWithValue("expires", token.ExpiresAt);
            insert.Parameters.AddWithValue("now", time.GetUtcNow());
            await insert.ExecuteNonQueryAsync(token2);
            return new DirectLineSession(id, token);
        }, cancellationToken);
    }

    public async Task<DirectLineSession?> FindAsync(string conversationId, CancellationToken cancellationToken) =>
        (await ReadAsync(conversationId, cancellationToken))?.Session;

    public async Task<DirectLineSession?> FindByTokenAsync(string? token, CancellationToken cancellationToken)
    {
        var dot = token?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        return dot > 0 && await AuthorizeAsync(token![..dot], token, cancellationToken) ? await FindAsync(token[..dot], cancellationToken) : null;
    }

    public async Task<bool> AuthorizeAsync(string conversationId, string? token, CancellationToken cancellationToken)
    {
        var row = await ReadAsync(conversationId, cancellationToken);
        var now = time.GetUtcNow();
        if (row is null || !(Matches(row.Session.Token, token, now) || Matches(row.Previous, token, now)))
        {
            return false;
        }

        await ExecuteAsync("UPDATE directline_conversations SET last_used = @now WHERE id = @id", conversationId, c => c.Parameters.AddWithValue("now", now), cancellationToken);
        return true;
    }

    public async Task<DirectLineSession> RefreshAsync(string conversationId, CancellationToken cancellationToken)
    {
        var token = NewToken(conversationId);
        await ExecuteAsync(
            "UPDATE directline_conversations SET previous_token = token, previous_expires = token_expires, token = @token, token_expires = @expires WHERE id = @id",
            conversationId,
            c =>
            {
                c.Parameters.AddWithValue("token", token.Value);
                c.Parameters.AddWithValue("expires", token.ExpiresAt);
            },
            cancellationToken);
        return new DirectLineSession(conversationId, token);
    }

    public async Task<bool> TryStartAsync(string conversationId, CancellationToken cancellationToken) =>
        await ExecuteAsync("UPDATE directline_conversations SET started = true WHERE id = @id AND NOT started", conversationId, _ => { }, cancellationToken) == 1;

    public async Task<bool> TryAnnounceAsync(string conversationId, string memberId, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            "UPDATE directline_conversations SET announced = array_append(announced, @member) WHERE id = @id AND NOT (@member = ANY(announced))",
            conversationId,
            c => c.Parameters.AddWithValue("member", memberId),
            cancellationToken) == 1;

    public Task<string> AppendAsync(string conversationId, JsonObject activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return database.RunAsync(async (connection, token) =>
        {
            await using var transaction = await connection.BeginTransactionAsync(token);
            var sequence = await NextSequenceAsync(connection, conversationId, token)
                ?? throw new KeyNotFoundException($"Direct Line conversation '{conversationId}' does not exist.");
            var id = string.Create(CultureInfo.InvariantCulture, $"{conversationId}|{sequence:D7}");
            DirectLineActivities.StampSequence(activity, sequence);
            await InsertAsync(connection, conversationId, sequence, id, activity, token);
            await transaction.CommitAsync(token);
            return id;
        }, cancellationToken);
    }

    public Task<bool> ReplaceAsync(string conversationId, string activityId, JsonObject activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return database.RunAsync(async (connection, token) =>
        {
            await using var transaction = await connection.BeginTransactionAsync(token);
            await using var delete = new NpgsqlCommand("DELETE FROM directline_activities WHERE conversation_id = @id AND id = @activity RETURNING COALESCE((activity->'channelData'->>'webchat:sequence-id')::bigint, sequence)", connection);
            delete.Parameters.AddWithValue("id", conversationId);
            delete.Parameters.AddWithValue("activity", activityId);
            if (await delete.ExecuteScalarAsync(token) is not long position || await NextSequenceAsync(connection, conversationId, token) is not { } sequence)
            {
                return false;
            }

            // Pollers see the update again at the end of the stream; Web Chat keeps it where it was.
            DirectLineActivities.StampSequence(activity, position);
            await InsertAsync(connection, conversationId, sequence, activityId, activity, token);
            await transaction.CommitAsync(token);
            return true;
        }, cancellationToken);
    }

    public async Task<bool> RemoveAsync(string conversationId, string activityId, CancellationToken cancellationToken) =>
        await ExecuteAsync("DELETE FROM directline_activities WHERE conversation_id = @id AND id = @activity", conversationId, c => c.Parameters.AddWithValue("activity", activityId), cancellationToken) > 0;

    public Task<DirectLineActivitySet> SinceAsync(string conversationId, long watermark, CancellationToken cancellationToken) =>
        database.RunAsync(async (connection, token) =>
        {
            await using var command = new NpgsqlCommand(
                """
                SELECT c.next_sequence, a.activity::text FROM directline_conversations c
                LEFT JOIN directline_activities a ON a.conversation_id = c.id AND a.sequence >= @watermark
                WHERE c.id = @id ORDER BY a.sequence
                """,
                connection);
            command.Parameters.AddWithValue("id", conversationId);
            command.Parameters.AddWithValue("watermark", watermark);
            await using var reader = await command.ExecuteReaderAsync(token);
            var activities = new List<JsonElement>();
            long next = 0;
            while (await reader.ReadAsync(token))
            {
                next = reader.GetInt64(0);
                if (!reader.IsDBNull(1))
                {
                    using var document = JsonDocument.Parse(reader.GetString(1));
                    activities.Add(document.RootElement.Clone());
                }
            }

            return new DirectLineActivitySet(activities, next.ToString(CultureInfo.InvariantCulture));
        }, cancellationToken);

    /// <summary>A session-level advisory lock per conversation on a connection of its own, released when disposed.</summary>
    public async Task<IAsyncDisposable> LockTurnsAsync(string conversationId, CancellationToken cancellationToken)
    {
        var connection = await database.RunAsync(async (_, token) =>
        {
            var dedicated = await database.DataSource.OpenConnectionAsync(token);
            try
            {
                await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@class, hashtext(@id))", dedicated);
                command.Parameters.AddWithValue("class", TurnLockClass);
                command.Parameters.AddWithValue("id", conversationId);
                await command.ExecuteNonQueryAsync(token);
                return dedicated;
            }
            catch
            {
                await dedicated.DisposeAsync();
                throw;
            }
        }, cancellationToken);
        return new TurnLock(connection);
    }

    public Task WaitForChangeAsync(string conversationId, CancellationToken cancellationToken) => waiters.WaitAsync(conversationId, cancellationToken);

    private static async Task<long?> NextSequenceAsync(NpgsqlConnection connection, string conversationId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("UPDATE directline_conversations SET next_sequence = next_sequence + 1 WHERE id = @id RETURNING next_sequence - 1", connection);
        command.Parameters.AddWithValue("id", conversationId);
        return await command.ExecuteScalarAsync(cancellationToken) as long?;
    }

    private static async Task InsertAsync(NpgsqlConnection connection, string conversationId, long sequence, string id, JsonObject activity, CancellationToken cancellationToken)
    {
        activity["id"] = id;
        await using var batch = new NpgsqlBatch(connection);
        var insert = new NpgsqlBatchCommand("INSERT INTO directline_activities (conversation_id, sequence, id, activity) VALUES (@conversation, @sequence, @id, @activity)");
        insert.Parameters.AddWithValue("conversation", conversationId);
        insert.Parameters.AddWithValue("sequence", sequence);
        insert.Parameters.AddWithValue("id", id);
        insert.Parameters.AddWithValue("activity", NpgsqlDbType.Jsonb, activity.ToJsonString());
        var trim = new NpgsqlBatchCommand("DELETE FROM directline_activities WHERE conversation_id = @conversation AND sequence <= @oldest");
        trim.Parameters.AddWithValue("conversation", conversationId);
        trim.Parameters.AddWithValue("oldest", sequence - MaxActivities);
        var notify = new NpgsqlBatchCommand("SELECT pg_notify(@channel, @conversation)");
        notify.Parameters.AddWithValue("channel", Channel);
        notify.Parameters.AddWithValue("conversation", conversationId);
        batch.BatchCommands.Add(insert);
        batch.BatchCommands.Add(trim);
        batch.BatchCommands.Add(notify);
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<Row?> ReadAsync(string conversationId, CancellationToken cancellationToken) =>
        await database.RunAsync(async (connection, token) =>
        {
            await using var command = new NpgsqlCommand(
                "SELECT token, token_expires, previous_token, previous_expires FROM directline_conversations WHERE id = @id AND last_used > @cutoff", connection);
            command.Parameters.AddWithValue("id", conversationId);
            command.Parameters.AddWithValue("cutoff", time.GetUtcNow() - IdleTimeout);
            await using var reader = await command.ExecuteReaderAsync(token);
            if (!await reader.ReadAsync(token))
            {
                return null;
            }

            var current = new DirectLineToken(reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1));
            var previous = reader.IsDBNull(2) ? null : new DirectLineToken(reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3));
            return new Row(new DirectLineSession(conversationId, current), previous);
        }, cancellationToken);

    private Task<int> ExecuteAsync(string sql, string conversationId, Action<NpgsqlCommand> parameters, CancellationToken cancellationToken) =>
        database.RunAsync(async (connection, token) =>
        {
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.AddWithValue("id", conversationId);
            parameters(command);
            return await command.ExecuteNonQueryAsync(token);
        }, cancellationToken);

    private DirectLineToken NewToken(string conversationId) => new($"{conversationId}.{RandomText(32)}", time.GetUtcNow() + DirectLineStore.TokenLifetime);

    private static bool Matches(DirectLineToken? token, string? bearer, DateTimeOffset now) =>
        token is not null && bearer is not null && token.ExpiresAt > now
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token.Value), Encoding.UTF8.GetBytes(bearer));

    private static string RandomText(int bytes) => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(bytes));

    private sealed record Row(DirectLineSession Session, DirectLineToken? Previous);

    private sealed class TurnLock(NpgsqlConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock_all()", connection);
                await command.ExecuteNonQueryAsync();
            }
            catch (Exception e) when (PostgresDatabase.IsTransient(e) || e is NpgsqlException or InvalidOperationException)
            {
                // The connection is gone (database restarted): the server released the lock with it.
            }

            await connection.DisposeAsync();
        }
    }
}
