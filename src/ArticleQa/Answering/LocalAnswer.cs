namespace ArticleQa.Answering;

/// <summary>The Local model's reply: the text with its marker (or <see cref="Answer.NotCovered"/>) and its confidence (0 when there was nothing to score).</summary>
public sealed record LocalAnswer(string Text, double Confidence);
