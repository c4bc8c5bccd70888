namespace ArticleQa.Retrieval;

/// <summary>Which signals rank passages. <see cref="Hybrid"/> is what the bot uses; the others are for comparison.</summary>
public enum RetrievalMode
{
    Hybrid,
    Dense,
    Lexical,
}
