namespace ArticleBot.Storage;

/// <summary>
/// Whether this process watches the articles folder and ingests. Always with one instance; with a shared index only
/// the process holding the watcher lock does (see <see cref="Postgres.IndexReplica"/>).
/// </summary>
public sealed class IndexRole
{
    public bool WatchesFolder { get; set; } = true;
}
