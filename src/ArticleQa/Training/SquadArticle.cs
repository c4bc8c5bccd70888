using ArticleQa.Evaluation;

namespace ArticleQa.Training;

/// <summary>One SQuAD article of the training data: its paragraphs (from v1.1) and its questions (v1.1 answerable, SQuAD 2.0 unanswerable).</summary>
public sealed record SquadArticle(string Title, IReadOnlyList<string> Paragraphs, IReadOnlyList<EvalQuestion> Questions);
