namespace ArticleQa.Answering;

/// <summary>What verification did to the model's citations.</summary>
/// <param name="Removed">Markers removed because their passage did not support the sentence.</param>
/// <param name="Moved">Markers moved (or added) to the passage that does support the sentence.</param>
/// <param name="DroppedSentences">Sentences dropped because no source supported them.</param>
public sealed record CitationCheck(int Removed, int Moved, int DroppedSentences)
{
    public static CitationCheck None { get; } = new(0, 0, 0);
}
