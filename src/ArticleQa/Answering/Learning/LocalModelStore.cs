using System.Collections.Concurrent;

namespace ArticleQa.Answering.Learning;

/// <summary>Loads the Local model's learned models once per folder (at start, through <see cref="LocalModelsValidator"/>).</summary>
internal sealed class LocalModelStore
{
    private readonly ConcurrentDictionary<string, Lazy<LocalModels>> _loaded = new(StringComparer.Ordinal);

    public LocalModels Get(AnsweringOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var folder = LocalModels.FolderOf(options);
        var lazy = _loaded.GetOrAdd(folder, f => new Lazy<LocalModels>(() => LocalModels.Load(f)));
        try
        {
            return lazy.Value;
        }
        catch (InvalidDataException)
        {
            // A failed load is not cached: fixing the file and asking again works.
            _loaded.TryRemove(new KeyValuePair<string, Lazy<LocalModels>>(folder, lazy));
            throw;
        }
    }
}
