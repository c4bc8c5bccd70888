namespace ArticleQa.Answering;

/// <summary>One earlier exchange of a conversation, as kept for follow-up questions.</summary>
/// <param name="Question">What the user asked.</param>
/// <param name="Answer">The answer text the user got.</param>
/// <param name="CitedPassageIds">The passages the answer cited (carried forward for follow-ups).</param>
/// <param name="Subject">
/// For a request for more that names nothing of its own ("Tell me more", <see cref="QuestionWording.AsksForMoreAlone"/>),
/// the earlier question it asked again, so that a long run of them keeps its subject when that question is no longer
/// among the turns kept.
/// </param>
/// <param name="SaidBefore">
/// For such a request, what the answers since <paramref name="Subject"/> was asked said before it, so that a run
/// longer than the turns kept does not say them again.
/// </param>
public sealed record ConversationTurn(string Question, string Answer, IReadOnlyList<string> CitedPassageIds, string? Subject = null, string? SaidBefore = null);
