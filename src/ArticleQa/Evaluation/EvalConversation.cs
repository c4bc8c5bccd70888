namespace ArticleQa.Evaluation;

/// <summary>One line of a conversation file: the user's turns in order, of which only the last is scored.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="Turns">The user's messages in order; never empty.</param>
/// <param name="Answers">Distinct acceptable answer strings for the last turn; may be empty.</param>
/// <param name="Evidence">The sentence that answers the last turn, as it appears in the article text; may be empty.</param>
/// <param name="Answerable">False when the articles do not answer the last turn.</param>
public sealed record EvalConversation(
    string Id,
    IReadOnlyList<string> Turns,
    IReadOnlyList<string> Answers,
    string Evidence,
    bool Answerable)
{
    /// <summary>The turn that is scored: the last one.</summary>
    public string ScoredTurn => Turns[^1];
}
