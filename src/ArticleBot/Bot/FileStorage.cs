using System.Text;
using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ArticleBot.Bot;

/// <summary>
/// Bot Framework <see cref="IStorage"/> in a local folder, one JSON file per key, written to a uniquely named file
/// aside and renamed so a crash never leaves half a file: conversation state that survives a restart of a single bot
/// instance (several instances need a shared store instead). ETags follow the SDK's storages: a stored
/// <see cref="IStoreItem"/> carries an <c>eTag</c>; writing an item whose ETag is not the stored one fails (a stale
/// write), <c>"*"</c> overwrites, and every write gives the item a new ETag. Files are read as plain JSON
/// (<see cref="JObject"/>): no type names are written or honoured, so a file on disk cannot choose what gets built.
/// </summary>
public sealed class FileStorage(string folder) : IStorage, IDisposable
{
    private const string ETagProperty = "eTag";
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.None, MaxDepth = null });
    private readonly SemaphoreSlim _lock = new(1, 1);

    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var items = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (await ReadFileAsync(PathOf(key), cancellationToken) is { } value)
            {
                items[key] = value;
            }
        }

        return items;
    }

    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        Directory.CreateDirectory(folder);
        await _lock.WaitAsync(cancellationToken);
        try
        {
            foreach (var (key, value) in changes)
            {
                var path = PathOf(key);
                var state = value is null ? JValue.CreateNull() : JToken.FromObject(value, Serializer);
                if (value is IStoreItem item)
                {
                    var stored = (await ReadFileAsync(path, cancellationToken) as JObject)?[ETagProperty]?.Value<string>();
                    if (stored is not null && item.ETag != "*" && item.ETag != stored)
                    {
                        throw new InvalidOperationException($"Etag conflict.\r\n\r\nOriginal: {item.ETag}\r\nCurrent: {stored}");
                    }

                    state[ETagProperty] = Guid.NewGuid().ToString("N");
                }

                await WriteFileAsync(path, state.ToString(Formatting.None), cancellationToken);
            }
        }
        finally
        {
            _lock.Release();
        }
    }

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var key in keys)
        {
            File.Delete(PathOf(key));
        }

        return Task.CompletedTask;
    }

    private static async Task<JToken?> ReadFileAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var text = await File.ReadAllTextAsync(path, cancellationToken);
        try
        {
            using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None, MaxDepth = 64 };
            var token = JToken.ReadFrom(reader);
            return token.Type == JTokenType.Null ? null : token;
        }
        catch (JsonReaderException e)
        {
            throw new InvalidDataException($"State file '{path}' is not valid JSON: {e.Message}", e);
        }
    }

    /// <summary>Written aside under a name no other writer uses (another instance on the same folder, say), then renamed.</summary>
    private static async Task WriteFileAsync(string path, string json, CancellationToken cancellationToken)
    {
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await File.WriteAllTextAsync(temporary, json, cancellationToken);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private string PathOf(string key) =>
        Path.Combine(folder, Convert.ToHexStringLower(Encoding.UTF8.GetBytes(key)) + ".json");

    public void Dispose() => _lock.Dispose();
}
