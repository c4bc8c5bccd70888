using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Npgsql;
using NpgsqlTypes;

namespace ArticleBot.Storage.Postgres;

/// <summary>
/// Bot Framework <see cref="IStorage"/> in table <c>bot_state</c> (jsonb), shared by every instance, with the SDK
/// stores' optimistic concurrency: an <see cref="IStoreItem"/> written with the ETag it was read with replaces the
/// stored one only if nobody wrote in between (otherwise the write fails); <c>"*"</c> or no ETag overwrites.
/// </summary>
public sealed class PostgresStorage(PostgresDatabase database) : IStorage
{
    // The settings MemoryStorage and FileStorage use; ReadAhead because jsonb does not keep "$type" first.
    private static readonly JsonSerializerSettings Settings = new()
    {
        TypeNameHandling = TypeNameHandling.All,
        MetadataPropertyHandling = MetadataPropertyHandling.ReadAhead,
        MaxDepth = null,
    };

    private static readonly JsonSerializer Serializer = JsonSerializer.Create(Settings);

    public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return database.RunAsync<IDictionary<string, object>>(async (connection, token) =>
        {
            var items = new Dictionary<string, object>(StringComparer.Ordinal);
            await using var command = new NpgsqlCommand("SELECT key, value::text, etag FROM bot_state WHERE key = ANY(@keys)", connection);
            command.Parameters.AddWithValue("keys", keys);
            await using var reader = await command.ExecuteReaderAsync(token);
            while (await reader.ReadAsync(token))
            {
                var json = JObject.Parse(reader.GetString(1));
                json["ETag"] = reader.GetInt64(2).ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (json.ToObject<object>(Serializer) is { } value)
                {
                    items[reader.GetString(0)] = value;
                }
            }

            return items;
        }, cancellationToken);
    }

    public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return database.RunAsync(async (connection, token) =>
        {
            await using var transaction = await connection.BeginTransactionAsync(token);
            foreach (var (key, value) in changes)
            {
                await WriteOneAsync(connection, key, value, token);
            }

            await transaction.CommitAsync(token);
        }, cancellationToken);
    }

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return database.RunAsync(async (connection, token) =>
        {
            await using var command = new NpgsqlCommand("DELETE FROM bot_state WHERE key = ANY(@keys)", connection);
            command.Parameters.AddWithValue("keys", keys);
            await command.ExecuteNonQueryAsync(token);
        }, cancellationToken);
    }

    private static async Task WriteOneAsync(NpgsqlConnection connection, string key, object value, CancellationToken cancellationToken)
    {
        var json = JObject.FromObject(value, Serializer);
        json.Remove("ETag");
        var etag = (value as IStoreItem)?.ETag;
        var conditional = etag is not null && etag != "*";
        var sql = conditional
            ? """
              INSERT INTO bot_state AS s (key, value, etag) VALUES (@key, @value, 1)
              ON CONFLICT (key) DO UPDATE SET value = excluded.value, etag = s.etag + 1, updated = now() WHERE s.etag::text = @etag
              """
            : """
              INSERT INTO bot_state AS s (key, value, etag) VALUES (@key, @value, 1)
              ON CONFLICT (key) DO UPDATE SET value = excluded.value, etag = s.etag + 1, updated = now()
              """;
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("key", key);
        command.Parameters.AddWithValue("value", NpgsqlDbType.Jsonb, json.ToString(Formatting.None));
        if (conditional)
        {
            command.Parameters.AddWithValue("etag", etag!);
        }

        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            // The message MemoryStorage gives, so callers that look for it keep working.
            throw new InvalidOperationException($"Etag conflict: '{key}' was written by someone else since it was read (ETag {etag}).");
        }
    }
}
