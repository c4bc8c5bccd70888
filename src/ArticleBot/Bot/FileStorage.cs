using System.Text;
using Microsoft.Bot.Builder;
using Newtonsoft.Json;

namespace ArticleBot.Bot;

/// <summary>
/// Bot Framework <see cref="IStorage"/> in a local folder, one JSON file per key, written aside and renamed so a crash
/// never leaves half a file: conversation state that survives a restart of a single bot instance (several instances
/// need a shared store instead).
/// </summary>
public sealed class FileStorage(string folder) : IStorage, IDisposable
{
    // The same settings MemoryStorage uses, so state round-trips to the same types.
    private static readonly JsonSerializerSettings Settings = new() { TypeNameHandling = TypeNameHandling.All, MaxDepth = null };
    private readonly SemaphoreSlim _lock = new(1, 1);

    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var items = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            var path = PathOf(key);
            if (File.Exists(path))
            {
                var value = JsonConvert.DeserializeObject(await File.ReadAllTextAsync(path, cancellationToken), Settings);
                if (value is not null)
                {
                    items[key] = value;
                }
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
                await File.WriteAllTextAsync(path + ".tmp", JsonConvert.SerializeObject(value, Settings), cancellationToken);
                File.Move(path + ".tmp", path, overwrite: true);
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

    private string PathOf(string key) =>
        Path.Combine(folder, Convert.ToHexStringLower(Encoding.UTF8.GetBytes(key)) + ".json");

    public void Dispose() => _lock.Dispose();
}
