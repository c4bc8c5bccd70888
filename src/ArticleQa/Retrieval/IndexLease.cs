namespace ArticleQa.Retrieval;

/// <summary>
/// A reader's hold on one index snapshot (<see cref="ArticleLibrary.LeaseIndexAsync"/>): while it lasts the snapshot's
/// passage texts stay readable even if a sync has replaced it. Dispose it when done.
/// </summary>
public sealed class IndexLease : IDisposable
{
    private int _released;

    internal IndexLease(PassageIndex index) => Index = index;

    public PassageIndex Index { get; }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            Index.Release();
        }
    }
}
