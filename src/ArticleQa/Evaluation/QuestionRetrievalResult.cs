namespace ArticleQa.Evaluation;

/// <summary>Where retrieval found one question's evidence.</summary>
/// <param name="Id">The question's id.</param>
/// <param name="Question">The question text that was searched for.</param>
/// <param name="Rank">1-based rank of the first passage that is a hit, or null when none of the top 10 is.</param>
/// <param name="TopScore">Score of the best passage (for calibrating <c>Retrieval:MinScore</c>), 0 when nothing was found.</param>
public sealed record QuestionRetrievalResult(string Id, string Question, int? Rank, double TopScore = 0);
