namespace ArticleQa.Evaluation;

/// <summary>The questions read from a question file, in file order, and the lines that were skipped.</summary>
public sealed record QuestionFileResult(IReadOnlyList<EvalQuestion> Questions, IReadOnlyList<QuestionFileError> Errors);
