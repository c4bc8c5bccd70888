namespace ArticleQa.Answering;

/// <summary>
/// What the engine returns for a question: the answer text with <c>[n]</c> markers, the citation each marker points to,
/// and whether the engine abstained (the articles don't cover the question).
/// </summary>
public sealed record Answer(string Text, IReadOnlyList<Citation> Citations, bool Abstained)
{
    /// <summary>The fixed sentence for questions the articles don't answer.</summary>
    public const string NotCovered = "The articles don't cover that.";

    public static Answer NotCoveredAnswer { get; } = new(NotCovered, [], Abstained: true);
}
