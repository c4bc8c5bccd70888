namespace ArticleQa.Ranking;

/// <summary>
/// How a candidate passage's sentences match the question (<see cref="SentenceMatches"/>), in sentence order: the MiniLM
/// cosine of each with the question, the soft token alignment of each (the mean over the question's content
/// word-pieces of their best contextual cosine with the sentence's; 0 when either has none), and that alignment against
/// all the passage's sentences together. Empty arrays for a passage without a sentence.
/// </summary>
public sealed record PassageSentenceMatch(float[] Cosines, float[] Alignments, float PassageAlignment);
