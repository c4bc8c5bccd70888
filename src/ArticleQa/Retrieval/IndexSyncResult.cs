namespace ArticleQa.Retrieval;

/// <summary>What one synchronisation of the index with the articles folder did.</summary>
public sealed record IndexSyncResult(
    int Articles,
    int Passages,
    int Unchanged,
    int Added,
    int Changed,
    int Removed,
    int Skipped,
    int PassagesEmbedded,
    bool Rebuilt,
    TimeSpan Elapsed)
{
    public bool Wrote => Added + Changed + Removed > 0 || Rebuilt;

    public override string ToString() =>
        $"{Articles} articles ({Passages} passages): {Added} added, {Changed} changed, {Removed} removed, {Unchanged} unchanged, " +
        $"{Skipped} skipped; {PassagesEmbedded} passages embedded{(Rebuilt ? "; full rebuild" : "")} in {Elapsed.TotalSeconds:0.0} s";
}

/// <summary>Progress of an index synchronisation: passages embedded so far out of those to embed.</summary>
public readonly record struct IndexProgress(int Embedded, int ToEmbed);
