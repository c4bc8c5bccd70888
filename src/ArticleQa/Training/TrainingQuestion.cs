using ArticleQa.Evaluation;

namespace ArticleQa.Training;

/// <summary>A training question with its article title and its embedding (computed once, reused by every retrieval step).</summary>
internal sealed record TrainingQuestion(string Title, EvalQuestion Question, ReadOnlyMemory<float> Vector);
