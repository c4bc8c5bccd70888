namespace ArticleQa.Evaluation;

/// <summary>One line of a question file: a question and what counts as finding or answering it.</summary>
/// <param name="Id">Stable id (for SQuAD data, SQuAD's question id).</param>
/// <param name="Question">The question as a user would ask it.</param>
/// <param name="Answers">Distinct acceptable answer strings, the preferred one first; may be empty.</param>
/// <param name="Evidence">The sentence that answers the question, as it appears in the article text; may be empty.</param>
/// <param name="Answerable">False for questions the articles do not answer.</param>
/// <param name="Review">A question to run and show for review but not to score (it has no gold answer yet), e.g. exported thumbs-down feedback.</param>
public sealed record EvalQuestion(
    string Id,
    string Question,
    IReadOnlyList<string> Answers,
    string Evidence,
    bool Answerable,
    bool Review = false)
{
    /// <summary>True when the question can be scored: it is not a review-only line (e.g. exported feedback without gold).</summary>
    public bool Scored => !Review;
}
