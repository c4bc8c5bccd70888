namespace ArticleQa.Answering;

/// <summary>One earlier exchange of a conversation, as kept for follow-up questions.</summary>
/// <param name="Question">What the user asked.</param>
/// <param name="Answer">The answer text the user got.</param>
/// <param name="CitedPassageIds">The passages the answer cited (carried forward for follow-ups).</param>
public sealed record ConversationTurn(string Question, string Answer, IReadOnlyList<string> CitedPassageIds);
