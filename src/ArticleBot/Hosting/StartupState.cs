namespace ArticleBot.Hosting;

/// <summary>Whether start-up has loaded the index (readiness), set by <see cref="StartupCheck"/>.</summary>
public sealed class StartupState
{
    private volatile bool _indexLoaded;

    public bool IndexLoaded => _indexLoaded;

    public void MarkIndexLoaded() => _indexLoaded = true;
}
