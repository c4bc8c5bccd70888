namespace ArticleQa.Answering;

/// <summary>A suggested next question: a short label for buttons and the full question it asks.</summary>
public sealed record FollowUp(string Title, string Question);
